package org.lectern.node.exercise;

/** Whether each student works alone or a team shares one participation. */
public enum ExerciseMode {
    INDIVIDUAL,
    TEAM
}
