package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A student's view of a live quiz. Until the quiz is evaluated it carries no solution at all: the question
 * records have no {@code correct} field, and short-answer questions show none of their accepted answers.
 * During the grace period the state reads ENDED and the countdown 0, as the students' clocks expect.
 *
 * @param questions empty before the quiz starts
 * @param answers   the student's latest saved answers, or null if none
 * @param result    after evaluation, the student's score, or null if they took no part
 * @param solutions after evaluation, the questions with their solutions; null before
 */
public record LiveQuizView(long id, String title, QuizState state, Instant startedAt, Instant endsAt,
        long remainingSeconds, BigDecimal maxPoints, List<Question> questions, OwnAnswers answers,
        QuizResultView result, List<QuizView.Question> solutions) {

    public record Question(long id, int position, QuestionType type, String text, BigDecimal points,
            List<Option> options) {

        static Question of(QuizQuestion question) {
            List<Option> options = question.getType() == QuestionType.SHORT_ANSWER ? List.of()
                    : question.getOptions().stream().map(o -> new Option(o.getId(), o.getPosition(), o.getText()))
                            .toList();
            return new Question(question.getId(), question.getPosition(), question.getType(), question.getText(),
                    question.getPoints(), options);
        }
    }

    public record Option(long id, int position, String text) {
    }
}
