package org.lectern.node.course;

/** What a user is in one course; it decides what they may see and do there (thesis table 4.1). */
public enum CourseRole {
    STUDENT,
    TUTOR,
    INSTRUCTOR;

    public boolean isAtLeast(CourseRole minimum) {
        return compareTo(minimum) >= 0;
    }
}
