package org.lectern.shared.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A tutor assessed a submission: on {@code /topic/exercises/{exerciseId}/results} for the staff at once, and on the
 * student's (each team member's) {@code /user/queue/results} once the result is visible to them.
 */
public record AssessmentResult(String type, long exerciseId, long participationId, long submissionId,
        BigDecimal score, BigDecimal maxScore, Instant completedAt) {

    public static final String TYPE = "ASSESSMENT_RESULT";

    public AssessmentResult(long exerciseId, long participationId, long submissionId, BigDecimal score,
            BigDecimal maxScore, Instant completedAt) {
        this(TYPE, exerciseId, participationId, submissionId, score, maxScore, completedAt);
    }
}
