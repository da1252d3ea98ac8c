package org.lectern.node.exam;

import java.io.Serializable;
import java.time.Instant;

/**
 * A student's exam as the database last told it, for saves while it is unreachable ({@link StudentExamRecords}):
 * what {@code requireParticipant} and the working-time rule read, nothing else.
 */
record StudentExamRecord(long studentExamId, long courseId, Instant visibleDate, Instant startedAt,
        int workingTimeSeconds, int gracePeriodSeconds, HandIn handIn) implements Serializable {

    /** Where the hand-in stands, as far as the cluster knows. */
    enum HandIn {
        NONE,
        /** Handed in, the transaction not yet committed (or its node died before it could say so): nobody knows. */
        COMMITTING,
        DONE
    }

    static StudentExamRecord of(Exam exam, StudentExam studentExam) {
        return new StudentExamRecord(studentExam.getId(), exam.getCourseId(), exam.getVisibleDate(),
                studentExam.getStartedAt(), studentExam.getWorkingTimeSeconds(), exam.getGracePeriodSeconds(),
                studentExam.isSubmitted() ? HandIn.DONE : HandIn.NONE);
    }

    ExamWindow window() {
        return new ExamWindow(startedAt, workingTimeSeconds, gracePeriodSeconds);
    }

    StudentExamRecord with(HandIn newHandIn) {
        return new StudentExamRecord(studentExamId, courseId, visibleDate, startedAt, workingTimeSeconds,
                gracePeriodSeconds, newHandIn);
    }
}
