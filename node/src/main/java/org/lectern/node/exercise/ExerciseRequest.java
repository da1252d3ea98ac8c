package org.lectern.node.exercise;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A course exercise as an instructor creates or replaces it. {@code fileExtensions} (e.g. "pdf,png") and
 * {@code maxFileSizeBytes} are for FILE_UPLOAD exercises only.
 */
record ExerciseRequest(
        @NotNull ExerciseType type,
        @NotNull ExerciseMode mode,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20000) String problemStatement,
        @NotNull @PositiveOrZero @Digits(integer = 6, fraction = 2) BigDecimal maxPoints,
        Instant releaseDate,
        Instant dueDate,
        Instant assessmentDueDate,
        @Size(max = 200) String fileExtensions,
        @Positive Long maxFileSizeBytes) {
}
