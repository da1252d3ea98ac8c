package org.lectern.shared.exam;

import java.time.Instant;

/**
 * An instructor's announcement during an exam, on {@code /topic/exams/{examId}/students}. Its id is the one later
 * {@link ExamAnnouncementChanged} and {@link ExamAnnouncementRetracted} events name.
 */
public record ExamAnnouncement(String type, long examId, long announcementId, String text, Instant createdAt) {

    public static final String TYPE = "EXAM_ANNOUNCEMENT";

    public ExamAnnouncement(long examId, long announcementId, String text, Instant createdAt) {
        this(TYPE, examId, announcementId, text, createdAt);
    }
}
