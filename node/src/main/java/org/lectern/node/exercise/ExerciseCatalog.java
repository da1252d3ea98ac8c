package org.lectern.node.exercise;

import java.time.Clock;
import java.time.Instant;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exercise feature's door for the other features: finds, creates and changes exercises. */
@Service
public class ExerciseCatalog {

    private final ExerciseRepository exercises;
    private final Clock clock;

    ExerciseCatalog(ExerciseRepository exercises, Clock clock) {
        this.exercises = exercises;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Exercise get(long exerciseId) {
        return exercises.findById(exerciseId).orElseThrow(() -> new NotFoundException("exercise", exerciseId));
    }

    /** The course's own exercises (not those of its exams), oldest first. */
    @Transactional(readOnly = true)
    public Page<Exercise> ofCourse(long courseId, Pageable pageable) {
        return exercises.findByCourseIdAndExerciseGroupIdIsNullOrderByIdAsc(courseId, pageable);
    }

    /** The course's own exercises released at {@code now} (no release date, or one not after it), oldest first. */
    @Transactional(readOnly = true)
    public Page<Exercise> releasedOfCourse(long courseId, Instant now, Pageable pageable) {
        return exercises.findReleasedOfCourse(courseId, now, pageable);
    }

    /** Saves a new or changed exercise after checking the rules that span its fields. */
    @Transactional
    public Exercise save(Exercise exercise) {
        checkDates(exercise.getReleaseDate(), exercise.getDueDate(), exercise.getAssessmentDueDate());
        return exercises.save(exercise);
    }

    @Transactional
    public void delete(long exerciseId) {
        exercises.delete(get(exerciseId));
    }

    /**
     * Claims the one evaluation of a quiz: true for exactly one caller across the cluster, false for everyone
     * after. The database row is the arbiter, so no node needs to know of the others.
     */
    @Transactional
    public boolean claimQuizEvaluation(long exerciseId) {
        return exercises.claimQuizEvaluation(exerciseId, clock.instant()) == 1;
    }

    static void checkDates(Instant release, Instant due, Instant assessmentDue) {
        if (release != null && due != null && release.isAfter(due)) {
            throw new InvalidRequestException("The release date must not be after the due date.");
        }
        if (due != null && assessmentDue != null && due.isAfter(assessmentDue)) {
            throw new InvalidRequestException("The due date must not be after the assessment due date.");
        }
    }
}
