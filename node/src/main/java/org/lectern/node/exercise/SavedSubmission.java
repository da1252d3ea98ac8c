package org.lectern.node.exercise;

import java.time.Instant;

/**
 * What a save answers: the version it created, stamped by the server, and whether this request was a replay of
 * one already saved with the same idempotency key (then nothing new was written).
 */
public record SavedSubmission(long submissionId, long participationId, int version, Instant savedAt,
        String idempotencyKey, boolean submitted, boolean replayed) {

    static SavedSubmission of(Submission submission, boolean replayed) {
        return new SavedSubmission(submission.getId(), submission.getParticipationId(), submission.getVersion(),
                submission.getSubmittedAt(), submission.getIdempotencyKey(), submission.isSubmitted(), replayed);
    }
}
