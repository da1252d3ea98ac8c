package org.lectern.node.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.lectern.node.assessment.AssessmentViews.CourseResultRow;
import org.lectern.node.assessment.AssessmentViews.ParticipationResults;
import org.lectern.node.assessment.AssessmentViews.ResultView;
import org.lectern.node.assessment.AssessmentViews.SubmissionRow;
import org.lectern.node.assessment.AssessmentViews.SubmissionView;
import org.lectern.node.user.CurrentUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Manual assessment by tutors, and results: students read their own, staff read all of their course. */
@RestController
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/api/exercises/{exerciseId}/submissions")
    PagedModel<SubmissionRow> submissions(@PathVariable long exerciseId,
            @PageableDefault(size = 50) Pageable pageable, CurrentUser caller) {
        return new PagedModel<>(assessments.submissionsOf(exerciseId, caller, pageable));
    }

    @GetMapping("/api/submissions/{submissionId}")
    SubmissionView submission(@PathVariable long submissionId, CurrentUser caller) {
        return assessments.submission(submissionId, caller);
    }

    @PutMapping("/api/submissions/{submissionId}/assessment")
    ResultView assess(@PathVariable long submissionId, @Valid @RequestBody AssessmentRequest request,
            CurrentUser caller) {
        List<FeedbackItem> feedback = request.feedback().stream()
                .map(item -> new FeedbackItem(item.reference(), item.text(), item.credits()))
                .toList();
        return assessments.assess(submissionId, request.score(), feedback, caller);
    }

    @GetMapping("/api/exercises/{exerciseId}/result")
    ResultView ownResult(@PathVariable long exerciseId, CurrentUser caller) {
        return assessments.ownResult(exerciseId, caller);
    }

    @GetMapping("/api/courses/{courseId}/results")
    PagedModel<CourseResultRow> ownResults(@PathVariable long courseId,
            @PageableDefault(size = 50) Pageable pageable, CurrentUser caller) {
        return new PagedModel<>(assessments.ownResultsInCourse(courseId, caller, pageable));
    }

    @GetMapping("/api/exercises/{exerciseId}/results")
    PagedModel<ParticipationResults> results(@PathVariable long exerciseId,
            @PageableDefault(size = 50) Pageable pageable, CurrentUser caller) {
        return new PagedModel<>(assessments.resultsOf(exerciseId, caller, pageable));
    }

    record AssessmentRequest(
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal score,
            @NotNull @Size(max = 200) List<@NotNull @Valid FeedbackRequest> feedback) {
    }

    record FeedbackRequest(
            @Size(max = 200) String reference,
            @NotBlank @Size(max = 5000) String text,
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal credits) {
    }
}
