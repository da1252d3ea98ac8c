package org.lectern.node.quiz;

import jakarta.validation.Valid;
import java.net.URI;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quizzes for instructors (write, start), students (answer live) and staff (solutions, statistics). */
@RestController
class QuizController {

    private final QuizService quizzes;
    private final CourseAccess access;
    private final QuizLiveEvents live;

    QuizController(QuizService quizzes, CourseAccess access, QuizLiveEvents live) {
        this.quizzes = quizzes;
        this.access = access;
        this.live = live;
    }

    @PostMapping("/api/courses/{courseId}/quizzes")
    ResponseEntity<QuizView> create(@PathVariable long courseId, @Valid @RequestBody QuizRequest request,
            CurrentUser user) {
        access.require(courseId, user, CourseRole.INSTRUCTOR);
        QuizView created = quizzes.create(courseId, request);
        return ResponseEntity.created(URI.create("/api/quizzes/" + created.id())).body(created);
    }

    @GetMapping("/api/quizzes/{id}")
    QuizView view(@PathVariable long id, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.TUTOR);
        return quizzes.view(id);
    }

    @PutMapping("/api/quizzes/{id}")
    QuizView update(@PathVariable long id, @Valid @RequestBody QuizRequest request, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.INSTRUCTOR);
        return quizzes.update(id, request);
    }

    @DeleteMapping("/api/quizzes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.INSTRUCTOR);
        quizzes.delete(id);
    }

    @PostMapping("/api/quizzes/{id}/start")
    QuizView start(@PathVariable long id, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.INSTRUCTOR);
        QuizView started = quizzes.start(id);
        live.started(started);
        return started;
    }

    @PostMapping("/api/quizzes/{id}/end")
    QuizView end(@PathVariable long id, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.INSTRUCTOR);
        QuizView ended = quizzes.end(id);
        live.ended(ended);
        return ended;
    }

    @GetMapping("/api/quizzes/{id}/live")
    LiveQuizView live(@PathVariable long id, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.STUDENT);
        return quizzes.live(id, user);
    }

    @PutMapping("/api/quizzes/{id}/submission")
    SavedAnswers save(@PathVariable long id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody QuizAnswers answers, CurrentUser user) {
        SavedAnswers saved = quizzes.saveAsStudent(id, user, key, answers);
        live.answersSaved(id);
        return saved;
    }

    @GetMapping("/api/quizzes/{id}/submission")
    OwnAnswers ownAnswers(@PathVariable long id, CurrentUser user) {
        access.requireStudent(quizzes.courseOf(id), user);
        return quizzes.ownAnswers(id, user);
    }

    @GetMapping("/api/quizzes/{id}/statistics")
    QuizStatistics statistics(@PathVariable long id, CurrentUser user) {
        access.require(quizzes.courseOf(id), user, CourseRole.TUTOR);
        return quizzes.statistics(id);
    }
}
