package org.lectern.node.authorization;

import java.util.EnumSet;
import java.util.Set;

/** Who calls an endpoint in the access matrix: everyone the matrix has a column for, and nobody at all. */
enum Caller {
    /** No login token. */
    ANONYMOUS,
    /** Logged in, but in no course. */
    OUTSIDER,
    /** The student whose work, result, team and student exam the fixture world holds. */
    STUDENT_A,
    /** Another student of the same course, in another team, not registered for the exam. */
    STUDENT_B,
    TUTOR,
    INSTRUCTOR,
    /** An administrator who is no member of the course (counts as an instructor everywhere). */
    ADMIN;

    static final Set<Caller> LOGGED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    static final Set<Caller> MEMBERS = EnumSet.of(STUDENT_A, STUDENT_B, TUTOR, INSTRUCTOR, ADMIN);
    static final Set<Caller> STUDENTS = EnumSet.of(STUDENT_A, STUDENT_B);
    static final Set<Caller> STAFF = EnumSet.of(TUTOR, INSTRUCTOR, ADMIN);
    static final Set<Caller> INSTRUCTORS = EnumSet.of(INSTRUCTOR, ADMIN);
}
