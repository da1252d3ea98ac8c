package org.lectern.shared.exercise;

import java.time.Instant;

/**
 * The server stored a save: sent to its author on the personal {@code /user/queue/submissions}, for every exercise on
 * one subscription. A client that lost the REST answer (connection dropped) learns here, by idempotency key, which of
 * its saves arrived.
 */
public record SubmissionAck(String type, long exerciseId, long participationId, long submissionId, int version,
        Instant savedAt, String idempotencyKey) {

    public static final String TYPE = "SUBMISSION_ACK";

    public SubmissionAck(long exerciseId, long participationId, long submissionId, int version, Instant savedAt,
            String idempotencyKey) {
        this(TYPE, exerciseId, participationId, submissionId, version, savedAt, idempotencyKey);
    }
}
