package org.lectern.node.exercise;

import java.time.Clock;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course's own exercises (text, modeling, file upload) as instructors manage them and members read them.
 * Quizzes and exam exercises have their own features; here they are readable by staff but not changed.
 */
@Service
class CourseExerciseService {

    private final ExerciseCatalog catalog;
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final FileLimits fileLimits;
    private final ExerciseRelease release;
    private final Clock clock;

    CourseExerciseService(ExerciseCatalog catalog, SubmissionService submissions, CourseAccess access,
            FileLimits fileLimits, ExerciseRelease release, Clock clock) {
        this.release = release;
        this.catalog = catalog;
        this.submissions = submissions;
        this.access = access;
        this.fileLimits = fileLimits;
        this.clock = clock;
    }

    @Transactional
    public ExerciseView create(long courseId, ExerciseRequest request, CurrentUser user) {
        access.require(courseId, user, CourseRole.INSTRUCTOR);
        if (request.type() == ExerciseType.QUIZ) {
            throw new InvalidRequestException("Quizzes are created with the quiz endpoints.");
        }
        Exercise exercise = new Exercise(courseId, null, request.type(), request.mode(), request.title(),
                request.maxPoints(), clock.instant());
        apply(request, exercise);
        Exercise saved = catalog.save(exercise);
        release.follow(saved);
        return ExerciseView.of(saved);
    }

    /** Staff see every exercise of the course; students only the released ones. */
    @Transactional(readOnly = true)
    public Page<ExerciseView> ofCourse(long courseId, Pageable pageable, CurrentUser user) {
        CourseRole role = access.require(courseId, user, CourseRole.STUDENT);
        // The order is fixed (oldest first); a client's sort parameter is ignored rather than failing the query.
        Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        Page<Exercise> page = role.isAtLeast(CourseRole.TUTOR)
                ? catalog.ofCourse(courseId, unsorted)
                : catalog.releasedOfCourse(courseId, clock.instant(), unsorted);
        return page.map(ExerciseView::of);
    }

    @Transactional(readOnly = true)
    public ExerciseView get(long exerciseId, CurrentUser user) {
        Exercise exercise = catalog.get(exerciseId);
        CourseRole role = access.require(exercise.getCourseId(), user, CourseRole.STUDENT);
        if (role == CourseRole.STUDENT) {
            // A student reaches an exam's exercises only through their own student exam.
            if (exercise.isExamExercise()) {
                throw new NotFoundException("exercise", exerciseId);
            }
            if (!exercise.isReleasedAt(clock.instant())) {
                throw new AccessDeniedException("Exercise " + exerciseId + " is not released yet");
            }
        }
        return ExerciseView.of(exercise);
    }

    /** Replaces the exercise's fields; its type and mode stay what they were created as. */
    @Transactional
    public ExerciseView update(long exerciseId, ExerciseRequest request, CurrentUser user) {
        Exercise exercise = ownCourseExercise(exerciseId, user);
        if (request.type() != exercise.getType() || request.mode() != exercise.getMode()) {
            throw new InvalidRequestException("The type and mode of an exercise cannot change; create a new one.");
        }
        exercise.setTitle(request.title());
        exercise.setMaxPoints(request.maxPoints());
        apply(request, exercise);
        Exercise saved = catalog.save(exercise);
        release.follow(saved);
        return ExerciseView.of(saved);
    }

    /** Deletes an exercise nobody has handed anything in for; students' work is never thrown away with it. */
    @Transactional
    public void delete(long exerciseId, CurrentUser user) {
        Exercise exercise = ownCourseExercise(exerciseId, user);
        if (submissions.existForExercise(exerciseId)) {
            throw new ConflictException("Exercise " + exerciseId + " has submissions and cannot be deleted.");
        }
        catalog.delete(exercise.getId());
        release.withdraw(exercise.getId());
    }

    private Exercise ownCourseExercise(long exerciseId, CurrentUser user) {
        Exercise exercise = catalog.get(exerciseId);
        access.require(exercise.getCourseId(), user, CourseRole.INSTRUCTOR);
        if (exercise.isExamExercise() || exercise.getType() == ExerciseType.QUIZ) {
            throw new ConflictException("Exercise " + exerciseId + " belongs to "
                    + (exercise.isExamExercise() ? "an exam" : "the quiz feature") + "; change it there.");
        }
        return exercise;
    }

    private void apply(ExerciseRequest request, Exercise exercise) {
        ExerciseCatalog.checkDates(request.releaseDate(), request.dueDate(), request.assessmentDueDate());
        exercise.setProblemStatement(request.problemStatement());
        exercise.setDates(request.releaseDate(), request.dueDate(), request.assessmentDueDate());
        if (request.type() == ExerciseType.FILE_UPLOAD) {
            fileLimits.applyLimits(exercise, request.fileExtensions(), request.maxFileSizeBytes());
        } else {
            exercise.setFileLimits(null, null);
        }
    }
}
