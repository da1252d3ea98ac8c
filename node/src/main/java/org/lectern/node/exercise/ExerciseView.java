package org.lectern.node.exercise;

import java.math.BigDecimal;
import java.time.Instant;

/** An exercise as the API shows it to course members. */
record ExerciseView(long id, long courseId, Long exerciseGroupId, ExerciseType type, ExerciseMode mode, String title,
        String problemStatement, BigDecimal maxPoints, Instant releaseDate, Instant dueDate,
        Instant assessmentDueDate, String fileExtensions, Long maxFileSizeBytes) {

    static ExerciseView of(Exercise e) {
        return new ExerciseView(e.getId(), e.getCourseId(), e.getExerciseGroupId(), e.getType(), e.getMode(),
                e.getTitle(), e.getProblemStatement(), e.getMaxPoints(), e.getReleaseDate(), e.getDueDate(),
                e.getAssessmentDueDate(), e.getFileExtensions(), e.getMaxFileSizeBytes());
    }
}
