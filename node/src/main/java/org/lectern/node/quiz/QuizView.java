package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The staff's view of a quiz: everything, solutions included. */
public record QuizView(long id, long courseId, String title, int durationSeconds, Instant releaseDate,
        BigDecimal maxPoints, QuizState state, Instant startedAt, Instant endsAt, Instant evaluatedAt,
        List<Question> questions) {

    public record Question(long id, int position, QuestionType type, String text, BigDecimal points,
            List<Option> options) {

        static Question of(QuizQuestion question) {
            return new Question(question.getId(), question.getPosition(), question.getType(), question.getText(),
                    question.getPoints(), question.getOptions().stream()
                            .map(o -> new Option(o.getId(), o.getPosition(), o.getText(), o.isCorrect())).toList());
        }
    }

    public record Option(long id, int position, String text, boolean correct) {
    }
}
