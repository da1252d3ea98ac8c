package org.lectern.node.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** A student admitted to an exam. New ones are inserted without a look-up first (see {@link #isNew()}). */
@Entity
@Table(name = "exam_registrations")
@IdClass(ExamRegistration.Key.class)
class ExamRegistration implements Persistable<ExamRegistration.Key> {

    @Id
    @Column(name = "exam_id")
    private long examId;

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Transient
    private boolean fresh;

    protected ExamRegistration() {
    }

    ExamRegistration(long examId, long userId, Instant registeredAt) {
        this.examId = examId;
        this.userId = userId;
        this.registeredAt = registeredAt;
        this.fresh = true;
    }

    long getExamId() {
        return examId;
    }

    long getUserId() {
        return userId;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    @Override
    public Key getId() {
        return new Key(examId, userId);
    }

    /** True for one made here: the caller has checked that it is not registered yet, so save inserts directly. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    record Key(long examId, long userId) implements Serializable {

        Key() {
            this(0, 0);
        }
    }
}
