package org.lectern.node.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An exam of a course: when students see it, the window in which they may start, and the default working time. */
@Entity
@Table(name = "exams")
class Exam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "visible_date", nullable = false)
    private Instant visibleDate;

    @Column(name = "start_date", nullable = false)
    private Instant startDate;

    @Column(name = "end_date", nullable = false)
    private Instant endDate;

    @Column(name = "working_time_seconds", nullable = false)
    private int workingTimeSeconds;

    @Column(name = "grace_period_seconds", nullable = false)
    private int gracePeriodSeconds;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Exam() {
    }

    Exam(long courseId, Instant createdAt) {
        this.courseId = courseId;
        this.createdAt = createdAt;
    }

    /** Sets everything an instructor edits at once, so that the order of the dates is checked as one. */
    void define(ExamDefinition definition) {
        this.title = definition.title();
        this.visibleDate = definition.visibleDate();
        this.startDate = definition.startDate();
        this.endDate = definition.endDate();
        this.workingTimeSeconds = definition.workingTimeSeconds();
        this.gracePeriodSeconds = definition.gracePeriodSeconds();
    }

    void setWorkingTimeSeconds(int workingTimeSeconds) {
        this.workingTimeSeconds = workingTimeSeconds;
    }

    Long getId() {
        return id;
    }

    long getCourseId() {
        return courseId;
    }

    String getTitle() {
        return title;
    }

    Instant getVisibleDate() {
        return visibleDate;
    }

    Instant getStartDate() {
        return startDate;
    }

    Instant getEndDate() {
        return endDate;
    }

    int getWorkingTimeSeconds() {
        return workingTimeSeconds;
    }

    int getGracePeriodSeconds() {
        return gracePeriodSeconds;
    }

    boolean isVisibleAt(Instant now) {
        return !now.isBefore(visibleDate);
    }

    /** Whether a student may start now: from the start date up to and including the end date. */
    boolean isOpenForStartAt(Instant now) {
        return !now.isBefore(startDate) && !now.isAfter(endDate);
    }
}
