package org.lectern.node.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/quizzes/{id}/end}: an instructor ends a running quiz early. */
class QuizEndIT extends NodeIntegrationTest {

    @Autowired
    TestData fixtures;

    @Autowired
    ExerciseCatalog exercises;

    @Autowired
    DurableScheduler scheduler;

    long courseId;
    String instructor;
    String tutor;
    String student;
    String outsider;

    @BeforeEach
    void course() {
        courseId = fixtures.newCourse();
        instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR).login());
        tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR).login());
        student = tokenOf(fixtures.newMember(courseId, CourseRole.STUDENT).login());
        outsider = tokenOf(fixtures.newMember(fixtures.newCourse(), CourseRole.INSTRUCTOR).login());
    }

    @Test
    void shouldEndARunningQuizNowSoThatItIsEvaluatedAfterTheGracePeriodWhenTheInstructorEndsIt() {
        long quizId = runningSince(Instant.now().minusSeconds(20));

        HttpResponse<String> response = client().post("/api/quizzes/" + quizId + "/end", instructor, "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode quiz = json(response);
        assertThat(quiz.get("state").asString()).isEqualTo("GRACE");
        assertThat(quiz.get("durationSeconds").asInt()).isBetween(20, 21);
        Instant endsAt = Instant.parse(quiz.get("endsAt").asString());
        assertThat(endsAt).isBeforeOrEqualTo(Instant.now());
        assertThat(QuizFixtures.evaluatedQuizzes(scheduler.runDue(endsAt.plus(QuizState.GRACE_PERIOD).plusMillis(1))))
                .contains(quizId);
    }

    @Test
    void shouldRefuseEndingAQuizThatHasNotStartedWith409AndChangeNothing() {
        long quizId = createQuiz();

        HttpResponse<String> response = client().post("/api/quizzes/" + quizId + "/end", instructor, "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("detail").asString()).contains("has not started");
        assertThat(exercises.get(quizId).getQuizDurationSeconds()).isEqualTo(60);
        assertThat(exercises.get(quizId).getQuizStartedAt()).isNull();
    }

    @Test
    void shouldRefuseEndingAQuizThatEndedAlreadyWith409AndChangeNothing() {
        long quizId = runningSince(Instant.now().minusSeconds(120));

        HttpResponse<String> response = client().post("/api/quizzes/" + quizId + "/end", instructor, "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("detail").asString()).contains("has ended already");
        assertThat(exercises.get(quizId).getQuizDurationSeconds()).isEqualTo(60);
    }

    @Test
    void shouldRefuseTutorsStudentsAndOutsidersWith403AndKeepTheQuizRunning() {
        long quizId = runningSince(Instant.now().minusSeconds(5));

        for (String caller : new String[] {tutor, student, outsider}) {
            assertThat(client().post("/api/quizzes/" + quizId + "/end", caller, "").statusCode()).isEqualTo(403);
        }
        assertThat(exercises.get(quizId).getQuizDurationSeconds()).isEqualTo(60);
        assertThat(json(client().get("/api/quizzes/" + quizId, tutor)).get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void shouldAnswer404ForAnUnknownQuizOrAnExerciseOfAnotherType() {
        HttpResponse<String> text = client().post("/api/courses/" + courseId + "/exercises", instructor,
                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Essay\",\"maxPoints\":10}");

        assertThat(client().post("/api/quizzes/999999/end", instructor, "").statusCode()).isEqualTo(404);
        assertThat(client().post("/api/quizzes/" + json(text).get("id").asLong() + "/end", instructor, "")
                .statusCode()).isEqualTo(404);
    }

    private long runningSince(Instant startedAt) {
        long quizId = createQuiz();
        Exercise quiz = exercises.get(quizId);
        quiz.setQuizStartedAt(startedAt);
        exercises.save(quiz);
        return quizId;
    }

    private long createQuiz() {
        HttpResponse<String> response = client().post("/api/courses/" + courseId + "/quizzes", instructor,
                QuizFixtures.FRUIT_QUIZ);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    private String tokenOf(String login) {
        return client().tokenFor(login, TestData.PASSWORD);
    }
}
