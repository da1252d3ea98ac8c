package org.lectern.node.exercise;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ParticipationRepository extends JpaRepository<Participation, Long> {

    Optional<Participation> findByExerciseIdAndStudentIdAndTestRunAndAttempt(long exerciseId, long studentId,
            boolean testRun, int attempt);

    Optional<Participation> findByExerciseIdAndTeamIdAndAttempt(long exerciseId, long teamId, int attempt);

    List<Participation> findByExerciseIdAndTestRunFalse(long exerciseId);

    /** Ids of the user's participations, alone or in a team: a key lookup, to authorize before anything costly. */
    @Query(nativeQuery = true, value = """
            select id from participations
            where student_id = :userId
               or team_id in (select team_id from team_members where user_id = :userId)""")
    List<Long> idsOf(long userId);

    /** Locks the participation row, so that saves to one participation take their version numbers in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Participation p where p.id = :id")
    Optional<Participation> lockById(long id);
}
