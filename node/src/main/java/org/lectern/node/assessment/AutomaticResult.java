package org.lectern.node.assessment;

import java.math.BigDecimal;
import java.util.List;

/** A participation's automatic score (a quiz's evaluation), before it is recorded. */
public record AutomaticResult(long participationId, Long submissionId, BigDecimal score, BigDecimal maxScore,
        List<FeedbackItem> feedback) {

    public AutomaticResult {
        feedback = List.copyOf(feedback);
    }
}
