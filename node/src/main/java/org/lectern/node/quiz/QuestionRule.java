package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** What scoring needs to know of a question: its kind, its points, and what counts as right. */
record QuestionRule(long questionId, QuestionType type, BigDecimal points, Set<Long> correctOptionIds,
        List<String> acceptedAnswers) {
}
