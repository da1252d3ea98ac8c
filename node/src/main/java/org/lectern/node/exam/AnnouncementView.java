package org.lectern.node.exam;

import java.time.Instant;

/** An exam announcement as the API shows it; {@code editedAt} is null until its text is corrected. */
record AnnouncementView(long id, long examId, String text, Instant createdAt, Instant editedAt) {

    static AnnouncementView of(ExamAnnouncement announcement) {
        return new AnnouncementView(announcement.getId(), announcement.getExamId(), announcement.getText(),
                announcement.getCreatedAt(), announcement.getEditedAt());
    }
}
