package org.lectern.node.exam;

import java.util.List;

/** An exercise group with its exercises; more than one exercise means variants. */
record ExerciseGroupView(long id, String title, int position, boolean mandatory, List<ExamExerciseView> exercises) {
}
