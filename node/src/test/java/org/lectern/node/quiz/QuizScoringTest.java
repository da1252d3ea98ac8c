package org.lectern.node.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuizScoringTest {

    private static final QuestionRule SINGLE = new QuestionRule(1, QuestionType.SINGLE_CHOICE, new BigDecimal("2"),
            Set.of(11L), List.of());
    private static final QuestionRule MULTIPLE = new QuestionRule(2, QuestionType.MULTIPLE_CHOICE,
            new BigDecimal("3"), Set.of(21L, 22L), List.of());
    private static final QuestionRule SHORT = new QuestionRule(3, QuestionType.SHORT_ANSWER, new BigDecimal("1.5"),
            Set.of(31L, 32L), List.of("Kiwi", "kiwifruit"));

    private static QuizAnswer choose(long questionId, Long... optionIds) {
        return new QuizAnswer(questionId, List.of(optionIds), null);
    }

    private static QuizAnswer write(long questionId, String text) {
        return new QuizAnswer(questionId, List.of(), text);
    }

    @Nested
    class SingleChoice {

        @Test
        void shouldScoreFullPointsWhenTheCorrectOptionIsChosen() {
            assertThat(QuizScoring.points(SINGLE, choose(1, 11L))).isEqualByComparingTo("2");
        }

        @Test
        void shouldScoreNothingWhenAWrongOptionIsChosen() {
            assertThat(QuizScoring.points(SINGLE, choose(1, 12L))).isZero();
        }

        @Test
        void shouldScoreNothingWhenSeveralOptionsAreChosen() {
            assertThat(QuizScoring.isCorrect(SINGLE, choose(1, 11L, 12L))).isFalse();
        }

        @Test
        void shouldScoreNothingWhenUnanswered() {
            assertThat(QuizScoring.points(SINGLE, null)).isZero();
            assertThat(QuizScoring.isAnswered(SINGLE, choose(1))).isFalse();
        }
    }

    @Nested
    class MultipleChoice {

        @Test
        void shouldScoreFullPointsWhenExactlyTheCorrectSetIsChosen() {
            assertThat(QuizScoring.points(MULTIPLE, choose(2, 22L, 21L))).isEqualByComparingTo("3");
        }

        @Test
        void shouldScoreNothingWhenOnlyPartOfTheCorrectSetIsChosen() {
            assertThat(QuizScoring.points(MULTIPLE, choose(2, 21L))).isZero();
        }

        @Test
        void shouldScoreNothingWhenAWrongOptionIsAddedToTheCorrectSet() {
            assertThat(QuizScoring.points(MULTIPLE, choose(2, 21L, 22L, 23L))).isZero();
        }
    }

    @Nested
    class ShortAnswer {

        @Test
        void shouldScoreWhenTheTextMatchesAnAcceptedAnswerIgnoringCaseAndSpaces() {
            assertThat(QuizScoring.points(SHORT, write(3, "  kIWI "))).isEqualByComparingTo("1.5");
            assertThat(QuizScoring.points(SHORT, write(3, "KiwiFruit"))).isEqualByComparingTo("1.5");
        }

        @Test
        void shouldScoreNothingWhenTheTextDiffers() {
            assertThat(QuizScoring.points(SHORT, write(3, "ki wi"))).isZero();
        }

        @Test
        void shouldCountABlankTextAsUnanswered() {
            assertThat(QuizScoring.isAnswered(SHORT, write(3, "   "))).isFalse();
        }
    }

    @Test
    void shouldAddUpThePointsOfEveryCorrectAnswer() {
        List<QuizAnswer> answers = List.of(choose(1, 11L), choose(2, 21L), write(3, "kiwi"));

        assertThat(QuizScoring.total(List.of(SINGLE, MULTIPLE, SHORT), answers)).isEqualByComparingTo("3.5");
    }

    @Test
    void shouldIgnoreAnswersToOtherQuestions() {
        assertThat(QuizScoring.total(List.of(SINGLE), List.of(choose(99, 11L)))).isZero();
    }
}
