package org.lectern.shared.quiz;

import java.math.BigDecimal;

/** A student's own score in an evaluated quiz, on their {@code /user/queue/results}. */
public record QuizResult(String type, long quizId, BigDecimal score, BigDecimal maxScore) {

    public static final String TYPE = "QUIZ_RESULT";

    public QuizResult(long quizId, BigDecimal score, BigDecimal maxScore) {
        this(TYPE, quizId, score, maxScore);
    }
}
