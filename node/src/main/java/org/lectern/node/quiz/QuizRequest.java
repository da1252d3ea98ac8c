package org.lectern.node.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A quiz as an instructor writes it. Field limits are checked here; the rules across fields (one correct option
 * for a single choice, ...) in {@link QuizService}.
 */
public record QuizRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Min(10) @Max(7200) Integer durationSeconds,
        Instant releaseDate,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Question> questions) {

    public record Question(
            @NotNull QuestionType type,
            @NotBlank @Size(max = 2000) String text,
            @NotNull @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal points,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Option> options) {
    }

    /**
     * A choice, correct or not (left out: not). For a short-answer question, an accepted answer: {@code correct} is
     * then ignored, every accepted answer is correct.
     */
    public record Option(
            @NotBlank @Size(max = 500) String text,
            Boolean correct) {

        boolean isCorrect() {
            return Boolean.TRUE.equals(correct);
        }
    }
}
