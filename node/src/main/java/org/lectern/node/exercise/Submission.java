package org.lectern.node.exercise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.lectern.node.cluster.LiveSave;

/** One saved version of a participation's work. Never changed once written: a new save is a new version. */
@Entity
@Table(name = "submissions")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participation_id", nullable = false)
    private long participationId;

    @Column(nullable = false)
    private int version;

    @Column(length = 1048576)
    private String content;

    @Column(name = "file_path", length = 500)
    private String filePath;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "file_size_bytes")
    private Long fileSizeBytes;

    @Column(nullable = false)
    private boolean submitted;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "idempotency_key", nullable = false, length = 64)
    private String idempotencyKey;

    @Column(name = "author_id")
    private Long authorId;

    protected Submission() {
    }

    Submission(long participationId, int version, SubmissionContent content, boolean submitted,
            Instant submittedAt, String idempotencyKey, Long authorId) {
        this.participationId = participationId;
        this.version = version;
        this.content = content.text();
        this.filePath = content.filePath();
        this.fileName = content.fileName();
        this.fileSizeBytes = content.fileSizeBytes();
        this.submitted = submitted;
        this.submittedAt = submittedAt;
        this.idempotencyKey = idempotencyKey;
        this.authorId = authorId;
    }

    /** A live save as a submission, for reads; the database row, once written, is equal to it. */
    static Submission of(LiveSave save) {
        Submission submission = new Submission(save.participationId(), save.version(),
                new SubmissionContent(save.text(), save.filePath(), save.fileName(), save.fileSizeBytes()),
                save.submitted(), save.savedAt(), save.idempotencyKey(), save.authorId());
        submission.id = save.id();
        return submission;
    }

    public Long getId() {
        return id;
    }

    public long getParticipationId() {
        return participationId;
    }

    public int getVersion() {
        return version;
    }

    public SubmissionContent getContent() {
        return new SubmissionContent(content, filePath, fileName, fileSizeBytes);
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getAuthorId() {
        return authorId;
    }
}
