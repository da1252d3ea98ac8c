package org.lectern.shared.topics;

/** Who may subscribe to (or send to) a declared STOMP destination; thesis table 4.1. */
public enum AccessRule {
    /** Anyone logged in. */
    AUTHENTICATED,
    /** The connected user only: personal destinations, subscribed as {@code /user/queue/...}. */
    OWN_USER,
    /** Course role exactly STUDENT in {@code courseId}. */
    COURSE_STUDENT,
    /** Course role exactly TUTOR in {@code courseId}. */
    COURSE_TUTOR,
    /** INSTRUCTOR in {@code courseId}, or an administrator. */
    COURSE_INSTRUCTOR,
    /** A student registered for {@code examId}. */
    EXAM_STUDENT,
    /** TUTOR or higher in the course of {@code examId}. */
    EXAM_STAFF,
    /** TUTOR or higher in the course of {@code exerciseId}. */
    EXERCISE_STAFF,
    /** A member of {@code teamId}, or TUTOR or higher in the course of its exercise. */
    TEAM_MEMBER
}
