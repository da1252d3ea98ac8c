package org.lectern.node.exam;

import java.io.Serializable;
import org.lectern.node.exercise.ExerciseType;

/** One exercise of a student's exam, as a save during a database outage needs it: its type and the participation. */
record ExamExerciseSlot(ExerciseType type, long participationId) implements Serializable {
}
