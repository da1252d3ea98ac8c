package org.lectern.node.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.boot.test.context.TestComponent;

/**
 * Fresh data for each test (unique names), made through the features' own services, so tests sharing one node
 * never see each other's data. Every user it creates has the password {@value #PASSWORD}.
 */
@TestComponent
public class TestData {

    public static final String PASSWORD = "test-password";

    private final CourseService courses;
    private final UserDirectory users;
    private final ExerciseCatalog exercises;
    private final ParticipationService participations;

    TestData(CourseService courses, UserDirectory users, ExerciseCatalog exercises,
            ParticipationService participations) {
        this.courses = courses;
        this.users = users;
        this.exercises = exercises;
        this.participations = participations;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long newCourse() {
        return courses.create(unique("C"), "Course"); // 10 characters, within the 30 a short name allows
    }

    public UserSummary newUser() {
        return users.create(unique("u"), "Test User", PASSWORD, false);
    }

    /** A new user with this role in the course. */
    public UserSummary newMember(long courseId, CourseRole role) {
        UserSummary user = newUser();
        courses.enrol(courseId, user.login(), role);
        return user;
    }

    public long newStudent() {
        return newUser().id();
    }

    public Exercise newExercise(long courseId, ExerciseType type) {
        return exercises.save(new Exercise(courseId, null, type, ExerciseMode.INDIVIDUAL, "Exercise",
                BigDecimal.TEN, Instant.now()));
    }

    public Participation newParticipation() {
        return participations.participationFor(newExercise(newCourse(), ExerciseType.TEXT), newStudent(), false);
    }
}
