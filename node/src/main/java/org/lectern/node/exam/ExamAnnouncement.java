package org.lectern.node.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message from the instructors to everyone in a running exam; its text can be corrected afterwards. */
@Entity
@Table(name = "exam_announcements")
class ExamAnnouncement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exam_id", nullable = false)
    private long examId;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    protected ExamAnnouncement() {
    }

    ExamAnnouncement(long examId, String text, Long authorId, Instant createdAt) {
        this.examId = examId;
        this.text = text;
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getExamId() {
        return examId;
    }

    String getText() {
        return text;
    }

    Long getAuthorId() {
        return authorId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    /** When the text was last corrected; null if never. */
    Instant getEditedAt() {
        return editedAt;
    }

    void correct(String newText, Instant at) {
        this.text = newText;
        this.editedAt = at;
    }
}
