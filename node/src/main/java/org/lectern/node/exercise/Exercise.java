package org.lectern.node.exercise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An exercise of any type, in one table: the type-specific columns (quiz timing, file limits) are simply unused by
 * the other types. Quiz questions, exam groups and teams hang off it in their own features.
 */
@Entity
@Table(name = "exercises")
public class Exercise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "exercise_group_id")
    private Long exerciseGroupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ExerciseType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ExerciseMode mode;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "problem_statement", length = 20000)
    private String problemStatement;

    @Column(name = "max_points", nullable = false, precision = 8, scale = 2)
    private BigDecimal maxPoints;

    @Column(name = "release_date")
    private Instant releaseDate;

    @Column(name = "due_date")
    private Instant dueDate;

    @Column(name = "assessment_due_date")
    private Instant assessmentDueDate;

    @Column(name = "quiz_duration_seconds")
    private Integer quizDurationSeconds;

    @Column(name = "quiz_started_at")
    private Instant quizStartedAt;

    @Column(name = "quiz_evaluated_at")
    private Instant quizEvaluatedAt;

    @Column(name = "file_extensions", length = 200)
    private String fileExtensions;

    @Column(name = "max_file_size_bytes")
    private Long maxFileSizeBytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Exercise() {
    }

    public Exercise(long courseId, Long exerciseGroupId, ExerciseType type, ExerciseMode mode, String title,
            BigDecimal maxPoints, Instant createdAt) {
        this.courseId = courseId;
        this.exerciseGroupId = exerciseGroupId;
        this.type = type;
        this.mode = mode;
        this.title = title;
        this.maxPoints = maxPoints;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getCourseId() {
        return courseId;
    }

    public Long getExerciseGroupId() {
        return exerciseGroupId;
    }

    public boolean isExamExercise() {
        return exerciseGroupId != null;
    }

    public ExerciseType getType() {
        return type;
    }

    public ExerciseMode getMode() {
        return mode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getProblemStatement() {
        return problemStatement;
    }

    public void setProblemStatement(String problemStatement) {
        this.problemStatement = problemStatement;
    }

    public BigDecimal getMaxPoints() {
        return maxPoints;
    }

    public void setMaxPoints(BigDecimal maxPoints) {
        this.maxPoints = maxPoints;
    }

    public Instant getReleaseDate() {
        return releaseDate;
    }

    public Instant getDueDate() {
        return dueDate;
    }

    public Instant getAssessmentDueDate() {
        return assessmentDueDate;
    }

    /** Sets the three dates together, so that their order is checked as one (release ≤ due ≤ assessment due). */
    public void setDates(Instant releaseDate, Instant dueDate, Instant assessmentDueDate) {
        this.releaseDate = releaseDate;
        this.dueDate = dueDate;
        this.assessmentDueDate = assessmentDueDate;
    }

    public Integer getQuizDurationSeconds() {
        return quizDurationSeconds;
    }

    public void setQuizDurationSeconds(Integer quizDurationSeconds) {
        this.quizDurationSeconds = quizDurationSeconds;
    }

    public Instant getQuizStartedAt() {
        return quizStartedAt;
    }

    public void setQuizStartedAt(Instant quizStartedAt) {
        this.quizStartedAt = quizStartedAt;
    }

    public Instant getQuizEvaluatedAt() {
        return quizEvaluatedAt;
    }

    public String getFileExtensions() {
        return fileExtensions;
    }

    public Long getMaxFileSizeBytes() {
        return maxFileSizeBytes;
    }

    public void setFileLimits(String fileExtensions, Long maxFileSizeBytes) {
        this.fileExtensions = fileExtensions;
        this.maxFileSizeBytes = maxFileSizeBytes;
    }

    /** Released when it has no release date or that date has passed. */
    public boolean isReleasedAt(Instant now) {
        return releaseDate == null || !releaseDate.isAfter(now);
    }
}
