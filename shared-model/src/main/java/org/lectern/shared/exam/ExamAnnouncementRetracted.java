package org.lectern.shared.exam;

/** An instructor retracted (deleted) an announcement, on {@code /topic/exams/{examId}/students}. */
public record ExamAnnouncementRetracted(String type, long examId, long announcementId) {

    public static final String TYPE = "EXAM_ANNOUNCEMENT_RETRACTED";

    public ExamAnnouncementRetracted(long examId, long announcementId) {
        this(TYPE, examId, announcementId);
    }
}
