package org.lectern.shared.exam;

import java.time.Instant;

/**
 * An instructor corrected the text of an announcement, on {@code /topic/exams/{examId}/students}: it carries the
 * whole announcement, so a client replaces what it shows (or shows it, if it never saw the original).
 */
public record ExamAnnouncementChanged(String type, long examId, long announcementId, String text, Instant createdAt,
        Instant editedAt) {

    public static final String TYPE = "EXAM_ANNOUNCEMENT_CHANGED";

    public ExamAnnouncementChanged(long examId, long announcementId, String text, Instant createdAt,
            Instant editedAt) {
        this(TYPE, examId, announcementId, text, createdAt, editedAt);
    }
}
