package org.lectern.node.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notification as kept, for one user or for everyone in one course, so it can be read again later. */
@Entity
@Table(name = "notifications")
class StoredNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "course_id")
    private Long courseId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredNotification() {
    }

    private StoredNotification(Long userId, Long courseId, String title, String text, Instant createdAt) {
        this.userId = userId;
        this.courseId = courseId;
        this.title = title;
        this.text = text;
        this.createdAt = createdAt;
    }

    static StoredNotification forUser(long userId, String title, String text, Instant createdAt) {
        return new StoredNotification(userId, null, title, text, createdAt);
    }

    static StoredNotification forCourse(long courseId, String title, String text, Instant createdAt) {
        return new StoredNotification(null, courseId, title, text, createdAt);
    }

    NotificationView toView() {
        return new NotificationView(id, courseId, title, text, createdAt);
    }

    String getTitle() {
        return title;
    }

    String getText() {
        return text;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
