package org.lectern.node.exam;

/** One exercise of an exam with the group (and the group's place) it belongs to. */
record GroupExercise(long groupId, int groupPosition, long exerciseId) {
}
