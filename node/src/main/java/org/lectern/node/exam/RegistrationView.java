package org.lectern.node.exam;

import java.time.Instant;

/** A registered student and how far they are in the exam. */
record RegistrationView(long userId, String login, String name, Instant registeredAt, Status status,
        Long studentExamId) {

    enum Status {
        REGISTERED,
        GENERATED,
        STARTED,
        SUBMITTED;

        static Status of(StudentExam studentExam) {
            if (studentExam == null) {
                return REGISTERED;
            }
            if (studentExam.isSubmitted()) {
                return SUBMITTED;
            }
            return studentExam.isStarted() ? STARTED : GENERATED;
        }
    }
}
