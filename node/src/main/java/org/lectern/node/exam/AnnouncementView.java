package org.lectern.node.exam;

import java.time.Instant;

record AnnouncementView(long id, long examId, String text, Instant createdAt) {

    static AnnouncementView of(ExamAnnouncement announcement) {
        return new AnnouncementView(announcement.getId(), announcement.getExamId(), announcement.getText(),
                announcement.getCreatedAt());
    }
}
