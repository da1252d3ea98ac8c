package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scoring rules, all or nothing per question: a single choice scores if the one chosen option is correct, a
 * multiple choice if exactly the correct options were chosen, a short answer if its text (trimmed, ignoring case)
 * is one of the accepted answers.
 */
final class QuizScoring {

    private QuizScoring() {
    }

    static boolean isAnswered(QuestionRule question, QuizAnswer answer) {
        if (answer == null) {
            return false;
        }
        return question.type() == QuestionType.SHORT_ANSWER
                ? answer.text() != null && !answer.text().isBlank()
                : answer.optionIds() != null && !answer.optionIds().isEmpty();
    }

    static boolean isCorrect(QuestionRule question, QuizAnswer answer) {
        if (!isAnswered(question, answer)) {
            return false;
        }
        return switch (question.type()) {
            case SINGLE_CHOICE -> answer.optionIds().size() == 1
                    && question.correctOptionIds().contains(answer.optionIds().get(0));
            case MULTIPLE_CHOICE -> new HashSet<>(answer.optionIds()).equals(question.correctOptionIds());
            case SHORT_ANSWER -> question.acceptedAnswers().stream().anyMatch(accepted -> matches(answer.text(), accepted));
        };
    }

    static BigDecimal points(QuestionRule question, QuizAnswer answer) {
        return isCorrect(question, answer) ? question.points() : BigDecimal.ZERO;
    }

    /** Whether a short answer's text is this accepted answer. */
    static boolean matches(String given, String accepted) {
        return given != null && given.strip().equalsIgnoreCase(accepted.strip());
    }

    static BigDecimal total(List<QuestionRule> questions, List<QuizAnswer> answers) {
        BigDecimal total = BigDecimal.ZERO;
        for (QuestionRule question : questions) {
            total = total.add(points(question, answerTo(question, answers)));
        }
        return total;
    }

    static QuizAnswer answerTo(QuestionRule question, List<QuizAnswer> answers) {
        return answers.stream().filter(a -> a.questionId() == question.questionId()).findFirst().orElse(null);
    }

    static Set<Long> chosen(QuizAnswer answer) {
        return answer == null || answer.optionIds() == null ? Set.of() : Set.copyOf(answer.optionIds());
    }
}
