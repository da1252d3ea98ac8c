package org.lectern.node.exam;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.user.CurrentUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Exams as staff manage and watch them (docs/api.md, "Exams"). Every check of role and state is in the services. */
@RestController
@RequestMapping("/api")
class ExamController {

    private final ExamService exams;
    private final StudentExamService studentExams;
    private final ExamLiveService live;

    ExamController(ExamService exams, StudentExamService studentExams, ExamLiveService live) {
        this.exams = exams;
        this.studentExams = studentExams;
        this.live = live;
    }

    @PostMapping("/courses/{courseId}/exams")
    @ResponseStatus(HttpStatus.CREATED)
    ExamView create(@PathVariable long courseId, @Valid @RequestBody ExamRequest request, CurrentUser user) {
        return exams.create(courseId, user, request.definition());
    }

    @GetMapping("/courses/{courseId}/exams")
    PagedModel<ExamView> ofCourse(@PathVariable long courseId, @PageableDefault(size = 50) Pageable pageable,
            CurrentUser user) {
        return new PagedModel<>(exams.ofCourse(courseId, user, pageable));
    }

    @GetMapping("/exams/{examId}")
    ExamView get(@PathVariable long examId, CurrentUser user) {
        return exams.get(examId, user);
    }

    @PutMapping("/exams/{examId}")
    ExamView update(@PathVariable long examId, @Valid @RequestBody ExamRequest request, CurrentUser user) {
        return exams.update(examId, user, request.definition());
    }

    @DeleteMapping("/exams/{examId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long examId, CurrentUser user) {
        exams.delete(examId, user);
    }

    @PostMapping("/exams/{examId}/exercise-groups")
    @ResponseStatus(HttpStatus.CREATED)
    ExerciseGroupView addGroup(@PathVariable long examId, @Valid @RequestBody GroupRequest request,
            CurrentUser user) {
        return exams.addGroup(examId, user, request.title(), request.mandatory() == null || request.mandatory());
    }

    @GetMapping("/exams/{examId}/exercise-groups")
    List<ExerciseGroupView> groups(@PathVariable long examId, CurrentUser user) {
        return exams.groupsOf(examId, user);
    }

    @PostMapping("/exercise-groups/{groupId}/exercises")
    @ResponseStatus(HttpStatus.CREATED)
    ExamExerciseView addExercise(@PathVariable long groupId, @Valid @RequestBody ExerciseRequest request,
            CurrentUser user) {
        return exams.addExercise(groupId, user, request.definition());
    }

    @PutMapping("/exercise-groups/{groupId}")
    ExerciseGroupView updateGroup(@PathVariable long groupId, @Valid @RequestBody GroupRequest request,
            CurrentUser user) {
        return exams.updateGroup(groupId, user, request.title(), request.mandatory() == null || request.mandatory());
    }

    @DeleteMapping("/exercise-groups/{groupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteGroup(@PathVariable long groupId, CurrentUser user) {
        exams.deleteGroup(groupId, user);
    }

    @PutMapping("/exercise-groups/{groupId}/exercises/{exerciseId}")
    ExamExerciseView updateExercise(@PathVariable long groupId, @PathVariable long exerciseId,
            @Valid @RequestBody ExerciseRequest request, CurrentUser user) {
        return exams.updateExercise(groupId, exerciseId, user, request.definition());
    }

    @DeleteMapping("/exercise-groups/{groupId}/exercises/{exerciseId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteExercise(@PathVariable long groupId, @PathVariable long exerciseId, CurrentUser user) {
        exams.deleteExercise(groupId, exerciseId, user);
    }

    @PostMapping("/exams/{examId}/registrations")
    RegistrationResult register(@PathVariable long examId, @Valid @RequestBody RegistrationRequest request,
            CurrentUser user) {
        return exams.register(examId, user, request.logins());
    }

    @DeleteMapping("/exams/{examId}/registrations/{login}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unregister(@PathVariable long examId, @PathVariable String login, CurrentUser user) {
        exams.unregister(examId, login, user);
    }

    @GetMapping("/exams/{examId}/registrations")
    PagedModel<RegistrationView> registrations(@PathVariable long examId,
            @PageableDefault(size = 50) Pageable pageable, CurrentUser user) {
        return new PagedModel<>(exams.registrationsOf(examId, user, pageable));
    }

    @PostMapping("/exams/{examId}/student-exams/generate")
    GenerationResult generate(@PathVariable long examId, CurrentUser user) {
        return new GenerationResult(studentExams.generate(examId, user));
    }

    @GetMapping("/exams/{examId}/student-exams")
    PagedModel<StudentExamSummary> studentExams(@PathVariable long examId,
            @PageableDefault(size = 50) Pageable pageable, CurrentUser user) {
        return new PagedModel<>(studentExams.ofExam(examId, user, pageable));
    }

    @PostMapping("/exams/{examId}/test-runs")
    ResponseEntity<StudentExamView> testRun(@PathVariable long examId, CurrentUser user) {
        TestRunResult testRun = studentExams.testRun(examId, user);
        return ResponseEntity.status(testRun.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(testRun.studentExam());
    }

    @PostMapping("/exams/{examId}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    AnnouncementView announce(@PathVariable long examId, @Valid @RequestBody AnnouncementRequest request,
            CurrentUser user) {
        return live.announce(examId, user, request.text());
    }

    @GetMapping("/exams/{examId}/announcements")
    List<AnnouncementView> announcements(@PathVariable long examId, CurrentUser user) {
        return live.announcementsOf(examId, user);
    }

    @PutMapping("/exams/{examId}/announcements/{announcementId}")
    AnnouncementView correctAnnouncement(@PathVariable long examId, @PathVariable long announcementId,
            @Valid @RequestBody AnnouncementRequest request, CurrentUser user) {
        return live.correct(examId, announcementId, user, request.text());
    }

    @DeleteMapping("/exams/{examId}/announcements/{announcementId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retractAnnouncement(@PathVariable long examId, @PathVariable long announcementId, CurrentUser user) {
        live.retract(examId, announcementId, user);
    }

    @PutMapping("/exams/{examId}/student-exams/{studentExamId}/working-time")
    StudentExamSummary changeWorkingTime(@PathVariable long examId, @PathVariable long studentExamId,
            @Valid @RequestBody WorkingTimeRequest request, CurrentUser user) {
        return live.changeWorkingTime(examId, studentExamId, user, request.workingTimeSeconds());
    }

    @PutMapping("/exams/{examId}/working-time")
    WorkingTimeResult changeWorkingTimeForAll(@PathVariable long examId,
            @Valid @RequestBody WorkingTimeRequest request, CurrentUser user) {
        return new WorkingTimeResult(live.changeWorkingTimeForAll(examId, user, request.workingTimeSeconds()));
    }

    @GetMapping("/exams/{examId}/figures")
    ExamFigures figures(@PathVariable long examId, CurrentUser user) {
        return live.figures(examId, user);
    }

    record ExamRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull Instant visibleDate,
            @NotNull Instant startDate,
            @NotNull Instant endDate,
            @Positive Integer workingTimeSeconds,
            @PositiveOrZero Integer gracePeriodSeconds) {

        ExamDefinition definition() {
            return ExamDefinition.of(title, visibleDate, startDate, endDate, workingTimeSeconds, gracePeriodSeconds);
        }
    }

    record GroupRequest(@NotBlank @Size(max = 200) String title, Boolean mandatory) {
    }

    record ExerciseRequest(
            @NotNull ExerciseType type,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 20000) String problemStatement,
            @NotNull @PositiveOrZero BigDecimal maxPoints,
            @Size(max = 200) String fileExtensions,
            @Positive Long maxFileSizeBytes) {

        ExamExerciseDefinition definition() {
            return new ExamExerciseDefinition(type, title, problemStatement, maxPoints, fileExtensions,
                    maxFileSizeBytes);
        }
    }

    record RegistrationRequest(@NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 50) String> logins) {
    }

    record AnnouncementRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record WorkingTimeRequest(@NotNull @Positive Integer workingTimeSeconds) {
    }

    record GenerationResult(int created) {
    }

    record WorkingTimeResult(int updated) {
    }
}
