package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.lectern.node.assessment.FeedbackItem;

/** A student's evaluated quiz: score out of the maximum, and one feedback line per question. */
public record QuizResultView(BigDecimal score, BigDecimal maxScore, Instant completedAt, List<FeedbackItem> feedback) {
}
