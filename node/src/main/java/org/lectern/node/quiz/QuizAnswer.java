package org.lectern.node.quiz;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A student's answer to one question: the chosen options of a choice question, or the text of a short answer. */
public record QuizAnswer(
        @NotNull Long questionId,
        @Size(max = 100) List<@NotNull Long> optionIds,
        @Size(max = 500) String text) {
}
