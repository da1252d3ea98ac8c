package org.lectern.node.exam;

import java.time.Instant;
import java.util.Optional;

/**
 * A student's own time in an exam: from their start for their working time, plus the exam's grace period for
 * saves and the hand-in that a slow network delays. Pure, so the rules are tested with explicit instants.
 */
record ExamWindow(Instant startedAt, int workingTimeSeconds, int gracePeriodSeconds) {

    static ExamWindow of(StudentExam studentExam, Exam exam) {
        return new ExamWindow(studentExam.getStartedAt(), studentExam.getWorkingTimeSeconds(),
                exam.getGracePeriodSeconds());
    }

    /** When the working time ends: start + working time; empty before the start. */
    Optional<Instant> individualEnd() {
        return Optional.ofNullable(startedAt).map(start -> start.plusSeconds(workingTimeSeconds));
    }

    /** When the last save or hand-in is accepted: end plus grace. For a started exam only. */
    Instant closesAt() {
        return startedAt.plusSeconds((long) workingTimeSeconds + gracePeriodSeconds);
    }

    /** Whether a save or hand-in made at {@code now} counts: after the start and no later than end + grace. */
    boolean acceptsWorkAt(Instant now) {
        return startedAt != null && !now.isBefore(startedAt)
                && !now.isAfter(startedAt.plusSeconds((long) workingTimeSeconds + gracePeriodSeconds));
    }
}
