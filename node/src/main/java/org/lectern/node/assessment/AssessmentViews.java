package org.lectern.node.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the assessment API answers; entities never leave the service. */
final class AssessmentViews {

    private AssessmentViews() {
    }

    /** A participation's latest submission as tutors list it; the submission fields are null before a first save. */
    record SubmissionRow(long participationId, Long submissionId, Integer version, Instant savedAt, Boolean submitted,
            String student, String team, boolean assessed, BigDecimal score) {
    }

    /** One submission with its content; a stored file shows by name and size, never by its path on the server. */
    record SubmissionView(long id, long participationId, long exerciseId, int version, Instant savedAt,
            boolean submitted, String text, String fileName, Long fileSizeBytes) {
    }

    record ResultView(long id, long participationId, Long submissionId, AssessmentType assessmentType,
            BigDecimal score, BigDecimal maxScore, Instant completedAt, List<FeedbackItem> feedback) {

        static ResultView of(Result result) {
            return new ResultView(result.getId(), result.getParticipationId(), result.getSubmissionId(),
                    result.getAssessmentType(), result.getScore(), result.getMaxScore(), result.getCompletedAt(),
                    result.getFeedback());
        }
    }

    /** A student's own result in one exercise of a course. */
    record CourseResultRow(long exerciseId, String exerciseTitle, ResultView result) {
    }

    /** Every result of one participation, with who it belongs to (a student's login or a team's name). */
    record ParticipationResults(long participationId, String student, String team, List<ResultView> results) {
    }
}
