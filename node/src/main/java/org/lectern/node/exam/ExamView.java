package org.lectern.node.exam;

import java.time.Instant;

/** An exam as the API shows it. */
record ExamView(long id, long courseId, String title, Instant visibleDate, Instant startDate, Instant endDate,
        int workingTimeSeconds, int gracePeriodSeconds) {

    static ExamView of(Exam exam) {
        return new ExamView(exam.getId(), exam.getCourseId(), exam.getTitle(), exam.getVisibleDate(),
                exam.getStartDate(), exam.getEndDate(), exam.getWorkingTimeSeconds(), exam.getGracePeriodSeconds());
    }
}
