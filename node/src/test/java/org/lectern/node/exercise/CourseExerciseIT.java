package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.exercise.CourseSetup.exerciseJson;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class CourseExerciseIT extends NodeIntegrationTest implements CourseExerciseFlow {

    static final Instant PAST = Instant.now().minusSeconds(3600);
    static final Instant FUTURE = Instant.now().plusSeconds(3600 * 24);

    @Autowired
    TestData fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExerciseCatalog catalog;

    CourseSetup course;

    @BeforeEach
    void setUp() {
        course = new CourseSetup(fixtures, port);
    }

    long exerciseCount(String token) {
        return LecternClient.json(client().get("/api/courses/" + course.courseId + "/exercises", token))
                .get("page").get("totalElements").asLong();
    }

    @Nested
    class Creating {

        @Test
        void shouldCreateATextExerciseWhenAnInstructorAsks() {
            HttpResponse<String> response = course.createExercise(
                    exerciseJson("TEXT", "INDIVIDUAL", PAST, FUTURE, FUTURE.plusSeconds(60), null, null));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode exercise = LecternClient.json(response);
            assertThat(exercise.get("type").asString()).isEqualTo("TEXT");
            assertThat(exercise.get("courseId").asLong()).isEqualTo(course.courseId);
            assertThat(response.headers().firstValue("Location"))
                    .hasValue("/api/exercises/" + exercise.get("id").asLong());
        }

        @Test
        void shouldRefuseTutorsAndStudentsWith403AndCreateNothing() {
            String json = exerciseJson("TEXT", "INDIVIDUAL", null, null, null, null, null);

            assertThat(client().post("/api/courses/" + course.courseId + "/exercises", course.tutor, json).statusCode())
                    .isEqualTo(403);
            assertThat(client().post("/api/courses/" + course.courseId + "/exercises", course.student, json)
                    .statusCode()).isEqualTo(403);
            assertThat(exerciseCount(course.tutor)).isZero();
        }

        @Test
        void shouldRefuseQuizzesAndDatesOutOfOrderWith400AndCreateNothing() {
            assertThat(course.createExercise(exerciseJson("QUIZ", "INDIVIDUAL", null, null, null, null, null))
                    .statusCode()).isEqualTo(400);
            assertThat(course.createExercise(exerciseJson("TEXT", "INDIVIDUAL", FUTURE, PAST, null, null, null))
                    .statusCode()).isEqualTo(400);
            assertThat(course.createExercise(exerciseJson("TEXT", "INDIVIDUAL", PAST, FUTURE, PAST, null, null))
                    .statusCode()).isEqualTo(400);
            assertThat(course.createExercise("{\"type\":\"ESSAY\"}").statusCode()).isEqualTo(400);
            assertThat(exerciseCount(course.tutor)).isZero();
        }

        @Test
        void shouldNormalizeFileTypesAndRefuseMissingTypesOrSizesAboveTheServerLimit() {
            HttpResponse<String> created = course.createExercise(
                    exerciseJson("FILE_UPLOAD", "INDIVIDUAL", null, null, null, "PDF, .png", null));
            HttpResponse<String> noTypes = course.createExercise(
                    exerciseJson("FILE_UPLOAD", "INDIVIDUAL", null, null, null, null, null));
            HttpResponse<String> tooLarge = course.createExercise(
                    exerciseJson("FILE_UPLOAD", "INDIVIDUAL", null, null, null, "pdf", 1L << 40));

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(LecternClient.json(created).get("fileExtensions").asString()).isEqualTo("pdf,png");
            assertThat(LecternClient.json(created).get("maxFileSizeBytes").asLong()).isEqualTo(10L * 1024 * 1024);
            assertThat(noTypes.statusCode()).isEqualTo(400);
            assertThat(tooLarge.statusCode()).isEqualTo(400);
            assertThat(exerciseCount(course.tutor)).isEqualTo(1);
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldShowStudentsOnlyReleasedExercisesAndStaffAll() {
            long released = course.exercise("TEXT", "INDIVIDUAL", PAST, null, null, null);
            long unreleased = course.exercise("MODELING", "INDIVIDUAL", FUTURE, null, null, null);

            assertThat(exerciseCount(course.student)).isEqualTo(1);
            assertThat(exerciseCount(course.tutor)).isEqualTo(2);
            assertThat(client().get("/api/exercises/" + released, course.student).statusCode()).isEqualTo(200);
            assertThat(client().get("/api/exercises/" + unreleased, course.student).statusCode()).isEqualTo(403);
            assertThat(client().get("/api/exercises/" + unreleased, course.tutor).statusCode()).isEqualTo(200);
        }

        @Test
        void shouldHideExamExercisesFromStudentsButNotFromStaff() {
            long examExercise = new ExamExercises(jdbc, catalog).create(course.courseId);

            assertThat(client().get("/api/exercises/" + examExercise, course.student).statusCode()).isEqualTo(404);
            assertThat(client().get("/api/exercises/" + examExercise, course.tutor).statusCode()).isEqualTo(200);
            assertThat(exerciseCount(course.tutor)).isZero();
        }

        @Test
        void shouldAnswer403ToNonMembersAnd404ForUnknownExercises() {
            long exerciseId = course.openExercise("TEXT");
            String outsider = client().tokenFor(fixtures.newUser().login(), TestData.PASSWORD);

            assertThat(client().get("/api/exercises/" + exerciseId, outsider).statusCode()).isEqualTo(403);
            assertThat(client().get("/api/courses/" + course.courseId + "/exercises", outsider).statusCode())
                    .isEqualTo(403);
            assertThat(client().get("/api/exercises/999999999", course.tutor).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Changing {

        @Test
        void shouldReplaceTheFieldsWhenAnInstructorPutsTheExercise() {
            long exerciseId = course.openExercise("TEXT");
            String changed = exerciseJson("TEXT", "INDIVIDUAL", PAST, FUTURE, null, null, null)
                    .replace("TEXT exercise", "Renamed");

            HttpResponse<String> response = course.api.put("/api/exercises/" + exerciseId, course.instructor, changed);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(LecternClient.json(client().get("/api/exercises/" + exerciseId, course.student))
                    .get("title").asString()).isEqualTo("Renamed");
        }

        @Test
        void shouldRefuseAChangedTypeBadDatesAndTutorsAndChangeNothing() {
            long exerciseId = course.openExercise("TEXT");
            String path = "/api/exercises/" + exerciseId;

            assertThat(course.api.put(path, course.instructor,
                    exerciseJson("MODELING", "INDIVIDUAL", null, null, null, null, null)).statusCode()).isEqualTo(400);
            assertThat(course.api.put(path, course.instructor,
                    exerciseJson("TEXT", "INDIVIDUAL", FUTURE, PAST, null, null, null).replace("TEXT exercise", "X"))
                    .statusCode()).isEqualTo(400);
            assertThat(course.api.put(path, course.tutor,
                    exerciseJson("TEXT", "INDIVIDUAL", null, null, null, null, null).replace("TEXT exercise", "X"))
                    .statusCode()).isEqualTo(403);
            JsonNode unchanged = LecternClient.json(client().get(path, course.tutor));
            assertThat(unchanged.get("title").asString()).isEqualTo("TEXT exercise");
            assertThat(unchanged.get("dueDate").isNull()).isFalse();
        }

        @Test
        void shouldDeleteAnExerciseWithoutSubmissions() {
            long exerciseId = course.openExercise("TEXT");

            assertThat(course.api.delete("/api/exercises/" + exerciseId, course.tutor).statusCode()).isEqualTo(403);
            assertThat(course.api.delete("/api/exercises/" + exerciseId, course.instructor).statusCode())
                    .isEqualTo(204);
            assertThat(client().get("/api/exercises/" + exerciseId, course.instructor).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseToDeleteAnExerciseWithSubmissionsWith409() {
            long exerciseId = course.openExercise("TEXT");
            course.saveText(exerciseId, course.student, "work", "k1");

            assertThat(course.api.delete("/api/exercises/" + exerciseId, course.instructor).statusCode())
                    .isEqualTo(409);
            assertThat(client().get("/api/exercises/" + exerciseId, course.student).statusCode()).isEqualTo(200);
        }
    }
}
