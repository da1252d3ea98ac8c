package org.lectern.node.exam;

import java.math.BigDecimal;
import org.lectern.node.exercise.ExerciseType;

/** An exam exercise as an instructor defines it; the file limits count for FILE_UPLOAD only. */
record ExamExerciseDefinition(ExerciseType type, String title, String problemStatement, BigDecimal maxPoints,
        String fileExtensions, Long maxFileSizeBytes) {
}
