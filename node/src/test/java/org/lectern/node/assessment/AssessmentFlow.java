package org.lectern.node.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.LecternClient.json;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.SavedSubmission;
import org.lectern.node.exercise.SubmissionContent;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.team.FeatureFixtures;
import org.lectern.node.user.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * A tutor assesses, a student reads the result once it may be seen: written once and run on each database,
 * {@link AssessmentIT} (H2) and {@link AssessmentPostgresIT} (PostgreSQL).
 */
interface AssessmentFlow {

    @Test
    default void shouldShowAManualResultOnlyOnceTheAssessmentDueDateHasPassed(@Autowired TestData data,
            @Autowired ExerciseCatalog catalog, @Autowired ParticipationService participations,
            @Autowired SubmissionService submissions, @Value("${local.server.port}") int port) {
        LecternClient client = new LecternClient("http://127.0.0.1:" + port);
        long courseId = data.newCourse();
        UserSummary tutor = data.newMember(courseId, CourseRole.TUTOR);
        UserSummary student = data.newMember(courseId, CourseRole.STUDENT);
        Instant now = Instant.now();
        Exercise over = FeatureFixtures.exercise(catalog, courseId, ExerciseType.TEXT, ExerciseMode.INDIVIDUAL,
                now.minus(Duration.ofDays(1)));
        Exercise stillRunning = FeatureFixtures.exercise(catalog, courseId, ExerciseType.MODELING,
                ExerciseMode.INDIVIDUAL, now.plus(Duration.ofDays(7)));
        SavedSubmission overSaved = save(participations, submissions, over, student, "essay");
        SavedSubmission runningSaved = save(participations, submissions, stillRunning, student, "{\"model\":1}");
        String tutorToken = client.tokenFor(tutor.login(), TestData.PASSWORD);
        String studentToken = client.tokenFor(student.login(), TestData.PASSWORD);

        HttpResponse<String> assessed = FeatureFixtures.put(port, assessmentPath(overSaved), tutorToken,
                assessment("7", "7"));
        assertThat(FeatureFixtures.put(port, assessmentPath(runningSaved), tutorToken, assessment("4", "4"))
                .statusCode()).isEqualTo(200);

        assertThat(assessed.statusCode()).isEqualTo(200);
        HttpResponse<String> visible = client.get("/api/exercises/" + over.getId() + "/result", studentToken);
        assertThat(visible.statusCode()).isEqualTo(200);
        JsonNode result = json(visible);
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("7");
        assertThat(result.get("maxScore").decimalValue()).isEqualByComparingTo("10");
        assertThat(result.get("assessmentType").asString()).isEqualTo("MANUAL");
        assertThat(result.get("feedback").get(0).get("text").asString()).isEqualTo("Well argued");
        assertThat(client.get("/api/exercises/" + stillRunning.getId() + "/result", studentToken).statusCode())
                .isEqualTo(404);
        JsonNode courseResults = json(client.get("/api/courses/" + courseId + "/results", studentToken));
        assertThat(courseResults.get("content")).hasSize(1);
        assertThat(courseResults.get("content").get(0).get("exerciseId").asLong()).isEqualTo(over.getId());
        // Staff see both assessments, visible to students or not.
        JsonNode staffView = json(client.get("/api/exercises/" + stillRunning.getId() + "/results", tutorToken));
        assertThat(staffView.get("content").get(0).get("student").asString()).isEqualTo(student.login());
        assertThat(staffView.get("content").get(0).get("results").get(0).get("score").decimalValue())
                .isEqualByComparingTo("4");
        // The student was told of the visible result only.
        JsonNode notifications = json(client.get("/api/notifications", studentToken)).get("content");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).get("text").asString()).contains("7 of 10 points");
    }

    @Test
    default void shouldReplaceTheAssessmentWhenATutorReassesses(@Autowired TestData data,
            @Autowired ExerciseCatalog catalog, @Autowired ParticipationService participations,
            @Autowired SubmissionService submissions, @Value("${local.server.port}") int port) {
        LecternClient client = new LecternClient("http://127.0.0.1:" + port);
        long courseId = data.newCourse();
        UserSummary tutor = data.newMember(courseId, CourseRole.TUTOR);
        UserSummary student = data.newMember(courseId, CourseRole.STUDENT);
        Exercise exercise = FeatureFixtures.exercise(catalog, courseId, ExerciseType.FILE_UPLOAD,
                ExerciseMode.INDIVIDUAL, null);
        SavedSubmission saved = save(participations, submissions, exercise, student, "report");
        String tutorToken = client.tokenFor(tutor.login(), TestData.PASSWORD);

        FeatureFixtures.put(port, assessmentPath(saved), tutorToken, """
                {"score":6,"feedback":[{"reference":"p1","text":"Good","credits":4},
                                       {"reference":"p2","text":"Fair","credits":2}]}""");
        HttpResponse<String> again = FeatureFixtures.put(port, assessmentPath(saved), tutorToken,
                assessment("8.5", "8.5"));

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode staffView = json(client.get("/api/exercises/" + exercise.getId() + "/results", tutorToken));
        JsonNode results = staffView.get("content").get(0).get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("score").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(results.get(0).get("feedback")).hasSize(1);
        JsonNode row = json(client.get("/api/exercises/" + exercise.getId() + "/submissions", tutorToken))
                .get("content").get(0);
        assertThat(row.get("assessed").asBoolean()).isTrue();
        assertThat(row.get("score").decimalValue()).isEqualByComparingTo("8.5");
    }

    private static SavedSubmission save(ParticipationService participations, SubmissionService submissions,
            Exercise exercise, UserSummary student, String text) {
        long participationId = participations.participationFor(exercise, student.id(), false).getId();
        return submissions.save(participationId, SubmissionContent.ofText(text), TestData.unique("k"), true,
                student.id());
    }

    private static String assessmentPath(SavedSubmission saved) {
        return "/api/submissions/" + saved.submissionId() + "/assessment";
    }

    private static String assessment(String score, String credits) {
        return "{\"score\":%s,\"feedback\":[{\"reference\":\"intro\",\"text\":\"Well argued\",\"credits\":%s}]}"
                .formatted(score, credits);
    }
}
