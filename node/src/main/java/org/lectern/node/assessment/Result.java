package org.lectern.node.assessment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The score of one participation, automatic or manual (one of each at most, by database constraint). */
@Entity
@Table(name = "results")
public class Result {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participation_id", nullable = false)
    private long participationId;

    @Column(name = "submission_id")
    private Long submissionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_type", nullable = false, length = 20)
    private AssessmentType assessmentType;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal score;

    @Column(name = "max_score", nullable = false, precision = 8, scale = 2)
    private BigDecimal maxScore;

    @Column(name = "assessor_id")
    private Long assessorId;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    @OneToMany(mappedBy = "result", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Feedback> feedbacks = new ArrayList<>();

    protected Result() {
    }

    Result(long participationId, Long submissionId, AssessmentType assessmentType, BigDecimal score,
            BigDecimal maxScore, Long assessorId, Instant completedAt) {
        this.participationId = participationId;
        this.submissionId = submissionId;
        this.assessmentType = assessmentType;
        this.score = score;
        this.maxScore = maxScore;
        this.assessorId = assessorId;
        this.completedAt = completedAt;
    }

    /** A re-assessment: new score, assessor and feedback replace the old ones. */
    void reassess(Long submissionId, BigDecimal score, BigDecimal maxScore, Long assessorId, Instant completedAt,
            List<FeedbackItem> items) {
        this.submissionId = submissionId;
        this.score = score;
        this.maxScore = maxScore;
        this.assessorId = assessorId;
        this.completedAt = completedAt;
        replaceFeedback(items);
    }

    void replaceFeedback(List<FeedbackItem> items) {
        feedbacks.clear();
        for (int i = 0; i < items.size(); i++) {
            feedbacks.add(new Feedback(this, i + 1, items.get(i)));
        }
    }

    public Long getId() {
        return id;
    }

    public long getParticipationId() {
        return participationId;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public AssessmentType getAssessmentType() {
        return assessmentType;
    }

    public BigDecimal getScore() {
        return score;
    }

    public BigDecimal getMaxScore() {
        return maxScore;
    }

    public Long getAssessorId() {
        return assessorId;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public List<FeedbackItem> getFeedback() {
        return feedbacks.stream().map(Feedback::toItem).toList();
    }
}
