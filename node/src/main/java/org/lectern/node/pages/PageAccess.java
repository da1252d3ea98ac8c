package org.lectern.node.pages;

import java.time.Clock;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exam.ExamService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.quiz.QuizService;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, before a page is rendered, whether the caller may open it, with the same rules as the API the page
 * then calls: a page never shows its frame (or its ids) to someone whom the API would refuse the data.
 * Refusals are the API's exceptions: {@link AccessDeniedException} (403) and {@link NotFoundException} (404).
 */
@Service
class PageAccess {

    private final CourseAccess courses;
    private final ExerciseCatalog exercises;
    private final QuizService quizzes;
    private final ExamService exams;
    private final Clock clock;

    PageAccess(CourseAccess courses, ExerciseCatalog exercises, QuizService quizzes, ExamService exams, Clock clock) {
        this.courses = courses;
        this.exercises = exercises;
        this.quizzes = quizzes;
        this.exams = exams;
        this.clock = clock;
    }

    /** What a page needs to know about an exercise to show it. */
    record ExercisePage(long id, long courseId, String type, String mode, boolean staff) {
    }

    @Transactional(readOnly = true)
    CourseRole course(long courseId, CurrentUser user, CourseRole minimum) {
        return courses.require(courseId, user, minimum);
    }

    /** A course exercise: students only released ones that are not exam exercises (as the API). */
    @Transactional(readOnly = true)
    ExercisePage exercise(long exerciseId, CurrentUser user, CourseRole minimum) {
        Exercise exercise = exercises.get(exerciseId);
        CourseRole role = courses.require(exercise.getCourseId(), user, minimum);
        if (role == CourseRole.STUDENT) {
            if (exercise.isExamExercise()) {
                throw new NotFoundException("exercise", exerciseId);
            }
            if (!exercise.isReleasedAt(clock.instant())) {
                throw new AccessDeniedException("Exercise " + exerciseId + " is not released yet");
            }
        }
        return new ExercisePage(exerciseId, exercise.getCourseId(), exercise.getType().name(),
                exercise.getMode().name(), role.isAtLeast(CourseRole.TUTOR));
    }

    /** An exercise whose submissions staff assess by hand: text, modeling, file upload (quizzes score themselves). */
    @Transactional(readOnly = true)
    ExercisePage assessable(long exerciseId, CurrentUser user) {
        ExercisePage exercise = exercise(exerciseId, user, CourseRole.TUTOR);
        if (ExerciseType.QUIZ.name().equals(exercise.type())) {
            throw new NotFoundException("assessable exercise", exerciseId);
        }
        return exercise;
    }

    /** The quiz's course, if the caller has at least this role in it. */
    @Transactional(readOnly = true)
    long quiz(long quizId, CurrentUser user, CourseRole minimum) {
        long courseId = quizzes.courseOf(quizId);
        courses.require(courseId, user, minimum);
        return courseId;
    }

    /** The exam's course, for a student of it who is registered: the only one whose exam the page shows. */
    @Transactional(readOnly = true)
    long examParticipant(long examId, CurrentUser user) {
        long courseId = exams.courseOf(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        courses.requireStudent(courseId, user);
        if (!exams.isRegistered(examId, user.id())) {
            throw new AccessDeniedException("You are not registered for exam " + examId);
        }
        return courseId;
    }

    /** The exam's course, for staff of at least this role. */
    @Transactional(readOnly = true)
    long examStaff(long examId, CurrentUser user, CourseRole minimum) {
        long courseId = exams.courseOf(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        courses.require(courseId, user, minimum);
        return courseId;
    }
}
