package org.lectern.shared.exam;

import java.time.Instant;

/** An instructor's announcement during an exam, on {@code /topic/exams/{examId}/students}. */
public record ExamAnnouncement(String type, long examId, String text, Instant createdAt) {

    public static final String TYPE = "EXAM_ANNOUNCEMENT";

    public ExamAnnouncement(long examId, String text, Instant createdAt) {
        this(TYPE, examId, text, createdAt);
    }
}
