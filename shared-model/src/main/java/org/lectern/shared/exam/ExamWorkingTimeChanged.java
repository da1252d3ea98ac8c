package org.lectern.shared.exam;

/**
 * The working time of the whole exam changed (every student exam not handed in yet has it now), on
 * {@code /topic/exams/{examId}/students}. One student's own change goes to their notifications instead.
 */
public record ExamWorkingTimeChanged(String type, long examId, int workingTimeSeconds) {

    public static final String TYPE = "EXAM_WORKING_TIME_CHANGED";

    public ExamWorkingTimeChanged(long examId, int workingTimeSeconds) {
        this(TYPE, examId, workingTimeSeconds);
    }
}
