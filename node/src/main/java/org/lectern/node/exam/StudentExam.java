package org.lectern.node.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One student's copy of an exam (or an instructor's test run): their working time, start and hand-in. */
@Entity
@Table(name = "student_exams")
class StudentExam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exam_id", nullable = false)
    private long examId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "working_time_seconds", nullable = false)
    private int workingTimeSeconds;

    @Column(name = "test_run", nullable = false)
    private boolean testRun;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StudentExam() {
    }

    StudentExam(long examId, long userId, int workingTimeSeconds, boolean testRun, Instant createdAt) {
        this.examId = examId;
        this.userId = userId;
        this.workingTimeSeconds = workingTimeSeconds;
        this.testRun = testRun;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getExamId() {
        return examId;
    }

    long getUserId() {
        return userId;
    }

    int getWorkingTimeSeconds() {
        return workingTimeSeconds;
    }

    void setWorkingTimeSeconds(int workingTimeSeconds) {
        this.workingTimeSeconds = workingTimeSeconds;
    }

    boolean isTestRun() {
        return testRun;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    boolean isStarted() {
        return startedAt != null;
    }

    boolean isSubmitted() {
        return submittedAt != null;
    }

    /** Starts the working time; a second start changes nothing. */
    void start(Instant now) {
        if (startedAt == null) {
            startedAt = storable(now);
        }
    }

    void handIn(Instant now) {
        submittedAt = storable(now);
    }

    /** Cut to the databases' microseconds, so that the first answer shows what every later read shows. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
