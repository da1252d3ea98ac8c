package org.lectern.node.exercise;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.exercise.SubmissionAck;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves submissions: each save a new version with the server's timestamp, and a save retried with the same
 * idempotency key answered with what the first one wrote, never written twice. Features check their own rules
 * (quiz running, working time left) before they call it.
 */
@Service
public class SubmissionService {

    /** What a client may use as an idempotency key: a UUID fits, and so does any short token. */
    public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ParticipationRepository participations;
    private final SubmissionRepository submissions;
    private final UserDirectory users;
    private final LiveEvents live;
    private final Clock clock;

    SubmissionService(ParticipationRepository participations, SubmissionRepository submissions, UserDirectory users,
            LiveEvents live, Clock clock) {
        this.participations = participations;
        this.submissions = submissions;
        this.users = users;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Saves a version of the participation's work.
     *
     * @param submitted true for a final hand-in, false for a save while working
     * @param authorId  the user who saved it (a team member, or the student)
     */
    @Transactional
    public SavedSubmission save(long participationId, SubmissionContent content, String idempotencyKey,
            boolean submitted, Long authorId) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("An idempotency key of 1 to 64 letters, digits, '-' or '_' is required.");
        }
        // Saves to one participation queue here, on any node, so versions are gap-free and a replay is seen.
        Participation participation = participations.lockById(participationId)
                .orElseThrow(() -> new NotFoundException("participation", participationId));
        Optional<Submission> replay = submissions.findByParticipationIdAndIdempotencyKey(participationId, idempotencyKey);
        if (replay.isPresent()) {
            return SavedSubmission.of(replay.get(), true);
        }
        int version = submissions.latestVersion(participationId) + 1;
        Submission saved = submissions.save(new Submission(participationId, version, content, submitted,
                clock.instant(), idempotencyKey, authorId));
        acknowledge(participation, saved);
        return SavedSubmission.of(saved, false);
    }

    /** Tells the author, once the save is committed, on their one personal submissions destination. */
    private void acknowledge(Participation participation, Submission saved) {
        if (saved.getAuthorId() == null) {
            return;
        }
        users.find(saved.getAuthorId()).ifPresent(author -> live.publishToUserAfterCommit(author.login(),
                TopicRegistry.SUBMISSIONS, new SubmissionAck(participation.getExerciseId(), participation.getId(),
                        saved.getId(), saved.getVersion(), saved.getSubmittedAt(), saved.getIdempotencyKey())));
    }

    @Transactional(readOnly = true)
    public Optional<Submission> latest(long participationId) {
        return submissions.findFirstByParticipationIdOrderByVersionDesc(participationId);
    }

    @Transactional(readOnly = true)
    public Submission get(long submissionId) {
        return submissions.findById(submissionId).orElseThrow(() -> new NotFoundException("submission", submissionId));
    }

    /** Whether anyone has saved work for the exercise (test runs included). */
    @Transactional(readOnly = true)
    public boolean existForExercise(long exerciseId) {
        return submissions.existsForExercise(exerciseId);
    }

    /** The save made earlier with this idempotency key, if any, as a replay; never writes. */
    @Transactional(readOnly = true)
    public Optional<SavedSubmission> replayOf(long participationId, String idempotencyKey) {
        return submissions.findByParticipationIdAndIdempotencyKey(participationId, idempotencyKey)
                .map(submission -> SavedSubmission.of(submission, true));
    }

    @Transactional(readOnly = true)
    public long versionCount(long participationId) {
        return submissions.countByParticipationId(participationId);
    }
}
