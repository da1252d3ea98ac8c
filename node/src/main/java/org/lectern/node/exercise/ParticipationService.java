package org.lectern.node.exercise;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Finds or starts the participation a student (or their team) works in. */
@Service
public class ParticipationService {

    private final ParticipationRepository participations;
    private final TeamDirectory teams;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    ParticipationService(ParticipationRepository participations, TeamDirectory teams,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.participations = participations;
        this.teams = teams;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The participation of this student in this exercise (their team's, for a team exercise), started on first use.
     * Two requests (or nodes) starting it at once end up with the same one: the database's unique key decides.
     */
    public Participation participationFor(Exercise exercise, long studentId, boolean testRun) {
        long exerciseId = exercise.getId();
        if (exercise.getMode() == ExerciseMode.TEAM) {
            long teamId = teams.teamOf(exerciseId, studentId).orElseThrow(() ->
                    new ConflictException("You are in no team for exercise " + exerciseId + " yet."));
            return findOrCreate(() -> participations.findByExerciseIdAndTeamIdAndAttempt(exerciseId, teamId, 1),
                    () -> Participation.ofTeam(exerciseId, teamId, clock.instant()));
        }
        return findOrCreate(
                () -> participations.findByExerciseIdAndStudentIdAndTestRunAndAttempt(exerciseId, studentId, testRun, 1),
                () -> Participation.ofStudent(exerciseId, studentId, testRun, clock.instant()));
    }

    /**
     * Starts the student's individual participations in these exercises, in the caller's transaction, where none
     * exists yet. For callers that already serialise the student's work (an exam start holds the student exam's
     * lock), so no concurrent insert can collide; unlike {@link #participationFor} it needs no second connection,
     * which matters when hundreds of students start at once and every request already holds one.
     */
    @Transactional
    public void startIndividual(List<Long> exerciseIds, long studentId, boolean testRun) {
        for (long exerciseId : exerciseIds) {
            if (participations.findByExerciseIdAndStudentIdAndTestRunAndAttempt(exerciseId, studentId, testRun, 1)
                    .isEmpty()) {
                participations.save(Participation.ofStudent(exerciseId, studentId, testRun, clock.instant()));
            }
        }
    }

    /** The participation, if this student (or their team) has one already; never starts one. */
    @Transactional(readOnly = true)
    public Optional<Participation> existingParticipation(Exercise exercise, long studentId, boolean testRun) {
        long exerciseId = exercise.getId();
        if (exercise.getMode() == ExerciseMode.TEAM) {
            return teams.teamOf(exerciseId, studentId)
                    .flatMap(teamId -> participations.findByExerciseIdAndTeamIdAndAttempt(exerciseId, teamId, 1));
        }
        return participations.findByExerciseIdAndStudentIdAndTestRunAndAttempt(exerciseId, studentId, testRun, 1);
    }

    @Transactional(readOnly = true)
    public Participation get(long participationId) {
        return participations.findById(participationId)
                .orElseThrow(() -> new NotFoundException("participation", participationId));
    }

    /** Every real (not test-run) participation in the exercise. */
    @Transactional(readOnly = true)
    public List<Participation> ofExercise(long exerciseId) {
        return participations.findByExerciseIdAndTestRunFalse(exerciseId);
    }

    /** Whether the student owns the participation, alone or through their team. */
    @Transactional(readOnly = true)
    public boolean belongsTo(Participation participation, long userId) {
        if (participation.getStudentId() != null) {
            return participation.getStudentId() == userId;
        }
        return teams.teamOf(participation.getExerciseId(), userId)
                .filter(teamId -> teamId.equals(participation.getTeamId()))
                .isPresent();
    }

    private Participation findOrCreate(Supplier<Optional<Participation>> find, Supplier<Participation> create) {
        Optional<Participation> existing = newTransaction.execute(status -> find.get());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return newTransaction.execute(status -> participations.saveAndFlush(create.get()));
        } catch (DataIntegrityViolationException lostTheRace) {
            return newTransaction.execute(status -> find.get())
                    .orElseThrow(() -> lostTheRace);
        }
    }
}
