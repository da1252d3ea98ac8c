package org.lectern.node.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.node.assessment.AssessmentViews.CourseResultRow;
import org.lectern.node.assessment.AssessmentViews.ParticipationResults;
import org.lectern.node.assessment.AssessmentViews.ResultView;
import org.lectern.node.assessment.AssessmentViews.SubmissionRow;
import org.lectern.node.assessment.AssessmentViews.SubmissionView;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.Submission;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.team.TeamMembershipDirectory;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.assessment.AssessmentResult;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tutors read and assess submissions; students read their own submissions and results. A manual result reaches a
 * student only once the exercise's assessment due date has passed (at once if it has none), so that no student sees
 * a score while others are still being assessed; an automatic (quiz) result is visible at once. Exam exercises are
 * left out of the student views: the exam publishes its own results.
 */
@Service
class AssessmentService {

    private final ExerciseCatalog exercises;
    private final ParticipationService participations;
    private final SubmissionService submissions;
    private final ResultService results;
    private final CourseAccess access;
    private final UserDirectory users;
    private final TeamMembershipDirectory teams;
    private final NotificationService notifications;
    private final LiveEvents live;
    private final Clock clock;

    AssessmentService(ExerciseCatalog exercises, ParticipationService participations, SubmissionService submissions,
            ResultService results, CourseAccess access, UserDirectory users, TeamMembershipDirectory teams,
            NotificationService notifications, LiveEvents live, Clock clock) {
        this.live = live;
        this.exercises = exercises;
        this.participations = participations;
        this.submissions = submissions;
        this.results = results;
        this.access = access;
        this.users = users;
        this.teams = teams;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Each participation of the exercise with its latest submission and whether it is assessed. */
    @Transactional(readOnly = true)
    Page<SubmissionRow> submissionsOf(long exerciseId, CurrentUser caller, Pageable pageable) {
        Exercise exercise = exercises.get(exerciseId);
        access.require(exercise.getCourseId(), caller, CourseRole.TUTOR);
        Page<Participation> page = pageOf(participationsOf(exerciseId), pageable);
        Map<Long, Owner> owners = ownersOf(page.getContent());
        Map<Long, Result> rated = ratedResults(page.getContent());
        return page.map(participation -> {
            Optional<Submission> latest = submissions.latest(participation.getId());
            Owner owner = owners.get(participation.getId());
            Result result = rated.get(participation.getId());
            return new SubmissionRow(participation.getId(),
                    latest.map(Submission::getId).orElse(null),
                    latest.map(Submission::getVersion).orElse(null),
                    latest.map(Submission::getSubmittedAt).orElse(null),
                    latest.map(Submission::isSubmitted).orElse(null),
                    owner.student(), owner.team(), result != null, result == null ? null : result.getScore());
        });
    }

    @Transactional(readOnly = true)
    SubmissionView submission(long submissionId, CurrentUser caller) {
        Submission submission = submissions.readable(submissionId, caller, () -> access.isStaffSomewhere(caller),
                participation -> access.roleOf(exercises.get(participation.getExerciseId()).getCourseId(), caller)
                        .filter(role -> role.isAtLeast(CourseRole.TUTOR)
                                || participations.belongsTo(participation, caller.id()))
                        .isPresent());
        Participation participation = participations.get(submission.getParticipationId());
        Exercise exercise = exercises.get(participation.getExerciseId());
        return new SubmissionView(submission.getId(), participation.getId(), exercise.getId(),
                submission.getVersion(), submission.getSubmittedAt(), submission.isSubmitted(),
                submission.getContent().text(), submission.getContent().fileName(),
                submission.getContent().fileSizeBytes());
    }

    /**
     * Records (or replaces) a tutor's assessment of the latest submission. The feedback credits must add up to the
     * score, so that what a student reads explains every point. Anyone but a tutor of the course gets the 404 of
     * an unknown id, found before anything is written, as when reading a submission.
     */
    @Transactional
    ResultView assess(long submissionId, BigDecimal score, List<FeedbackItem> feedback, CurrentUser caller) {
        Submission submission = submissions.readable(submissionId, caller, () -> access.isStaffSomewhere(caller),
                participation -> access.roleOf(exercises.get(participation.getExerciseId()).getCourseId(), caller)
                        .filter(role -> role.isAtLeast(CourseRole.TUTOR)).isPresent());
        Participation participation = participations.get(submission.getParticipationId());
        Exercise exercise = exercises.get(participation.getExerciseId());
        if (exercise.getType() == ExerciseType.QUIZ) {
            throw new InvalidRequestException("Quizzes are assessed automatically, not by tutors.");
        }
        BigDecimal credits = feedback.stream().map(FeedbackItem::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (credits.compareTo(score) != 0) {
            throw new InvalidRequestException("The feedback credits add up to " + credits + ", not to the score "
                    + score + ".");
        }
        long latestId = submissions.latest(participation.getId()).map(Submission::getId).orElseThrow();
        if (latestId != submissionId) {
            throw new ConflictException("Submission " + submissionId + " is not the latest version; assess "
                    + latestId + ".");
        }
        Result result = results.recordManual(participation.getId(), submissionId, score, exercise.getMaxPoints(),
                caller.id(), feedback);
        AssessmentResult published = new AssessmentResult(exercise.getId(), participation.getId(), submissionId,
                result.getScore(), result.getMaxScore(), result.getCompletedAt());
        live.publishAfterCommit(TopicRegistry.EXERCISE_RESULTS.destination(exercise.getId()), published);
        if (visibleToStudents(result, exercise)) {
            String text = "Your submission to '" + exercise.getTitle() + "' was assessed: "
                    + plain(result.getScore()) + " of " + plain(result.getMaxScore()) + " points.";
            List<String> owners = ownerLogins(participation);
            owners.forEach(login -> notifications.notify(login, "Assessment available", text));
            if (!exercise.isExamExercise()) {
                // Exam results are published by the exam; the rest as soon as the student may read them.
                owners.forEach(login -> live.publishToUserAfterCommit(login, TopicRegistry.RESULTS, published));
            }
        }
        return ResultView.of(result);
    }

    /** The caller's own result in the exercise, once it may be seen. */
    @Transactional(readOnly = true)
    ResultView ownResult(long exerciseId, CurrentUser caller) {
        Exercise exercise = exercises.get(exerciseId);
        access.require(exercise.getCourseId(), caller, CourseRole.STUDENT);
        return visibleResult(exercise, caller).map(ResultView::of)
                .orElseThrow(() -> new NotFoundException("result yet for exercise", exerciseId));
    }

    /** The caller's own visible results in the course's exercises, oldest exercise first. */
    @Transactional(readOnly = true)
    Page<CourseResultRow> ownResultsInCourse(long courseId, CurrentUser caller, Pageable pageable) {
        access.require(courseId, caller, CourseRole.STUDENT);
        List<CourseResultRow> rows = exercises.ofCourse(courseId, Pageable.unpaged()).stream()
                .flatMap(exercise -> visibleResult(exercise, caller).stream()
                        .map(result -> new CourseResultRow(exercise.getId(), exercise.getTitle(),
                                ResultView.of(result))))
                .toList();
        return pageOf(rows, pageable);
    }

    /** Every participation of the exercise with all its results, for staff, visible or not. */
    @Transactional(readOnly = true)
    Page<ParticipationResults> resultsOf(long exerciseId, CurrentUser caller, Pageable pageable) {
        Exercise exercise = exercises.get(exerciseId);
        access.require(exercise.getCourseId(), caller, CourseRole.TUTOR);
        Page<Participation> page = pageOf(participationsOf(exerciseId), pageable);
        Map<Long, Owner> owners = ownersOf(page.getContent());
        Map<Long, List<Result>> byParticipation = results.ofParticipations(ids(page.getContent())).stream()
                .collect(Collectors.groupingBy(Result::getParticipationId));
        return page.map(participation -> {
            Owner owner = owners.get(participation.getId());
            return new ParticipationResults(participation.getId(), owner.student(), owner.team(),
                    byParticipation.getOrDefault(participation.getId(), List.of()).stream()
                            .sorted(Comparator.comparing(Result::getAssessmentType))
                            .map(ResultView::of)
                            .toList());
        });
    }

    private Optional<Result> visibleResult(Exercise exercise, CurrentUser caller) {
        if (exercise.isExamExercise()) {
            return Optional.empty();
        }
        return participations.existingParticipation(exercise, caller.id(), false)
                .flatMap(participation -> results.ofParticipation(participation.getId()).stream()
                        .filter(result -> visibleToStudents(result, exercise))
                        .min(manualFirst()));
    }

    private boolean visibleToStudents(Result result, Exercise exercise) {
        if (result.getAssessmentType() == AssessmentType.AUTOMATIC) {
            return true;
        }
        Instant due = exercise.getAssessmentDueDate();
        return due == null || !due.isAfter(clock.instant());
    }

    /** The result that counts for each participation: the tutor's, where there is one. */
    private Map<Long, Result> ratedResults(List<Participation> page) {
        return results.ofParticipations(ids(page)).stream()
                .collect(Collectors.toMap(Result::getParticipationId, Function.identity(),
                        (a, b) -> manualFirst().compare(a, b) <= 0 ? a : b));
    }

    private static Comparator<Result> manualFirst() {
        return Comparator.comparing(result -> result.getAssessmentType() == AssessmentType.MANUAL ? 0 : 1);
    }

    private List<String> ownerLogins(Participation participation) {
        List<Long> ids = participation.getStudentId() != null
                ? List.of(participation.getStudentId())
                : teams.memberIdsOf(participation.getTeamId());
        return users.summariesOf(ids).values().stream().map(UserSummary::login).toList();
    }

    private Map<Long, Owner> ownersOf(List<Participation> page) {
        Map<Long, String> logins = users.summariesOf(page.stream().map(Participation::getStudentId)
                        .filter(Objects::nonNull).toList()).values().stream()
                .collect(Collectors.toMap(UserSummary::id, UserSummary::login));
        Map<Long, String> teamNames = teams.namesOf(page.stream().map(Participation::getTeamId)
                .filter(Objects::nonNull).toList());
        return page.stream().collect(Collectors.toMap(Participation::getId, participation -> new Owner(
                participation.getStudentId() == null ? null : logins.get(participation.getStudentId()),
                participation.getTeamId() == null ? null : teamNames.get(participation.getTeamId()))));
    }

    private List<Participation> participationsOf(long exerciseId) {
        return participations.ofExercise(exerciseId).stream().sorted(Comparator.comparing(Participation::getId))
                .toList();
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }

    private static List<Long> ids(List<Participation> page) {
        return page.stream().map(Participation::getId).toList();
    }

    /** One page of a list the exercise feature hands over whole, in id order so pages are stable. */
    private static <T> Page<T> pageOf(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    /** Who a participation belongs to: a student's login or a team's name (the other is null). */
    private record Owner(String student, String team) {
    }
}
