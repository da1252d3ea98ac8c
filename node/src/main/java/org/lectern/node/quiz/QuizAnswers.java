package org.lectern.node.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** All of a student's answers to a quiz, as sent and (in canonical order) as stored in a submission. */
public record QuizAnswers(@NotNull @Size(max = 200) List<@Valid @NotNull QuizAnswer> answers) {
}
