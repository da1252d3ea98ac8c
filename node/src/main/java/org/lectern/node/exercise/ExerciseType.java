package org.lectern.node.exercise;

public enum ExerciseType {
    QUIZ,
    TEXT,
    MODELING,
    FILE_UPLOAD
}
