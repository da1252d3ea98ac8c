package org.lectern.node.exam;

import java.math.BigDecimal;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseType;

/** An exam exercise as staff see it. */
record ExamExerciseView(long id, long exerciseGroupId, ExerciseType type, String title, String problemStatement,
        BigDecimal maxPoints, String fileExtensions, Long maxFileSizeBytes) {

    static ExamExerciseView of(Exercise exercise) {
        return new ExamExerciseView(exercise.getId(), exercise.getExerciseGroupId(), exercise.getType(),
                exercise.getTitle(), exercise.getProblemStatement(), exercise.getMaxPoints(),
                exercise.getFileExtensions(), exercise.getMaxFileSizeBytes());
    }
}
