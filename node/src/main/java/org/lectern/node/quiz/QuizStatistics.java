package org.lectern.node.quiz;

import java.util.List;

/**
 * How a quiz is going, from every participant's latest answers.
 *
 * @param participants students with a participation (they saved at least once)
 * @param answered     participants whose latest save answers at least one question
 */
public record QuizStatistics(long quizId, QuizState state, int participants, int answered,
        List<Question> questions) {

    /** @param options for a short-answer question, how many texts matched each accepted answer */
    public record Question(long questionId, int position, QuestionType type, String text, int answers, int correct,
            List<Option> options) {
    }

    public record Option(long optionId, String text, boolean correct, int chosen) {
    }
}
