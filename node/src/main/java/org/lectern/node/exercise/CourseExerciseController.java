package org.lectern.node.exercise;

import jakarta.validation.Valid;
import java.net.URI;
import org.lectern.node.user.CurrentUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A course's text, modeling and file upload exercises. Authorization needs the exercise's course, so the service
 * asks {@code CourseAccess} once it has loaded the exercise.
 */
@RestController
class CourseExerciseController {

    private final CourseExerciseService exercises;

    CourseExerciseController(CourseExerciseService exercises) {
        this.exercises = exercises;
    }

    @PostMapping("/api/courses/{courseId}/exercises")
    ResponseEntity<ExerciseView> create(@PathVariable long courseId, @Valid @RequestBody ExerciseRequest request,
            CurrentUser user) {
        ExerciseView created = exercises.create(courseId, request, user);
        return ResponseEntity.created(URI.create("/api/exercises/" + created.id())).body(created);
    }

    @GetMapping("/api/courses/{courseId}/exercises")
    PagedModel<ExerciseView> ofCourse(@PathVariable long courseId, @PageableDefault(size = 50) Pageable pageable,
            CurrentUser user) {
        return new PagedModel<>(exercises.ofCourse(courseId, pageable, user));
    }

    @GetMapping("/api/exercises/{exerciseId}")
    ExerciseView get(@PathVariable long exerciseId, CurrentUser user) {
        return exercises.get(exerciseId, user);
    }

    @PutMapping("/api/exercises/{exerciseId}")
    ExerciseView update(@PathVariable long exerciseId, @Valid @RequestBody ExerciseRequest request,
            CurrentUser user) {
        return exercises.update(exerciseId, request, user);
    }

    @DeleteMapping("/api/exercises/{exerciseId}")
    ResponseEntity<Void> delete(@PathVariable long exerciseId, CurrentUser user) {
        exercises.delete(exerciseId, user);
        return ResponseEntity.noContent().build();
    }
}
