package org.lectern.node.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.LecternClient.json;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.team.FeatureFixtures;
import org.lectern.node.user.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AssessmentIT extends NodeIntegrationTest implements AssessmentFlow {

    private static final long NO_SUCH_SUBMISSION = 987_654_321L;

    @Autowired
    TestData data;

    @Autowired
    ExerciseCatalog catalog;

    @Autowired
    ParticipationService participations;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultService results;

    long courseId;
    UserSummary tutor;
    UserSummary alice;
    UserSummary bob;
    Exercise text;

    @BeforeEach
    void setUp() {
        courseId = data.newCourse();
        tutor = data.newMember(courseId, CourseRole.TUTOR);
        alice = data.newMember(courseId, CourseRole.STUDENT);
        bob = data.newMember(courseId, CourseRole.STUDENT);
        text = FeatureFixtures.exercise(catalog, courseId, ExerciseType.TEXT, ExerciseMode.INDIVIDUAL, null);
    }

    @Nested
    class Assessing {

        @Test
        void shouldRefuseAScoreOutsideZeroToMaxPointsWith400() {
            SavedSubmission saved = save(text, alice, "essay");

            assertThat(assess(tutor, saved, "10.5", "10.5").statusCode()).isEqualTo(400);
            assertThat(assess(tutor, saved, "-1", "-1").statusCode()).isEqualTo(400);
            assertThat(manualResultOf(saved)).isNull();
        }

        @Test
        void shouldAnswerStudentsAndOtherCoursesTutorsAsForAnUnknownIdAndRecordNothing() {
            SavedSubmission saved = save(text, alice, "essay");
            UserSummary otherTutor = data.newMember(data.newCourse(), CourseRole.TUTOR);
            HttpResponse<String> unknown = FeatureFixtures.put(port, "/api/submissions/" + NO_SUCH_SUBMISSION
                    + "/assessment", token(bob), "{\"score\":5,\"feedback\":[{\"reference\":\"intro\",\"text\":"
                    + "\"Fine\",\"credits\":5}]}");

            for (UserSummary refused : List.of(alice, bob, otherTutor)) {
                HttpResponse<String> forbidden = assess(refused, saved, "5", "5");
                assertThat(forbidden.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
                assertThat(forbidden.body().replace(Long.toString(saved.submissionId()), "ID"))
                        .isEqualTo(unknown.body().replace(Long.toString(NO_SUCH_SUBMISSION), "ID"));
            }
            assertThat(manualResultOf(saved)).isNull();
        }

        @Test
        void shouldRefuseFeedbackCreditsThatDoNotAddUpToTheScoreWith400() {
            SavedSubmission saved = save(text, alice, "essay");

            HttpResponse<String> response = assess(tutor, saved, "7", "5");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("add up");
            assertThat(manualResultOf(saved)).isNull();
        }

        @Test
        void shouldRefuseToAssessAQuizWith400() {
            Exercise quiz = FeatureFixtures.exercise(catalog, courseId, ExerciseType.QUIZ, ExerciseMode.INDIVIDUAL,
                    null);
            SavedSubmission saved = save(quiz, alice, "{\"answers\":[]}");

            assertThat(assess(tutor, saved, "5", "5").statusCode()).isEqualTo(400);
            assertThat(manualResultOf(saved)).isNull();
        }

        @Test
        void shouldRefuseToAssessAnOlderVersionWith409() {
            SavedSubmission first = save(text, alice, "first");
            save(text, alice, "second");

            assertThat(assess(tutor, first, "5", "5").statusCode()).isEqualTo(409);
            assertThat(manualResultOf(first)).isNull();
        }

        @Test
        void shouldRefuseAMalformedAssessmentWith400() {
            SavedSubmission saved = save(text, alice, "essay");

            assertThat(FeatureFixtures.put(port, "/api/submissions/" + saved.submissionId() + "/assessment",
                    token(tutor), "{\"score\":5}").statusCode()).isEqualTo(400);
            assertThat(FeatureFixtures.put(port, "/api/submissions/" + saved.submissionId() + "/assessment",
                    token(tutor), "{\"score\":\"many\",\"feedback\":[]}").statusCode()).isEqualTo(400);
            assertThat(manualResultOf(saved)).isNull();
        }

        @Test
        void shouldAnswer404ForAnUnknownSubmission() {
            assertThat(FeatureFixtures.put(port, "/api/submissions/" + Long.MAX_VALUE + "/assessment", token(tutor),
                    "{\"score\":0,\"feedback\":[]}").statusCode()).isEqualTo(404);
        }

        @Test
        void shouldListEachParticipationsLatestSubmissionForTutors() {
            save(text, alice, "v1");
            SavedSubmission latest = save(text, alice, "v2");
            save(text, bob, "bob's");
            assess(tutor, latest, "3", "3");

            JsonNode rows = json(client().get("/api/exercises/" + text.getId() + "/submissions", token(tutor)))
                    .get("content");

            assertThat(rows).hasSize(2);
            JsonNode ofAlice = rows.get(0).get("student").asString().equals(alice.login()) ? rows.get(0) : rows.get(1);
            JsonNode ofBob = ofAlice == rows.get(0) ? rows.get(1) : rows.get(0);
            assertThat(ofAlice.get("submissionId").asLong()).isEqualTo(latest.submissionId());
            assertThat(ofAlice.get("version").asInt()).isEqualTo(2);
            assertThat(ofAlice.get("assessed").asBoolean()).isTrue();
            assertThat(ofBob.get("student").asString()).isEqualTo(bob.login());
            assertThat(ofBob.get("assessed").asBoolean()).isFalse();
            assertThat(client().get("/api/exercises/" + text.getId() + "/submissions", token(alice)).statusCode())
                    .isEqualTo(403);
        }
    }

    @Nested
    class ReadingSubmissions {

        @Test
        void shouldShowTheOwnerAndTutorsTheSubmissionWithItsContent() {
            SavedSubmission saved = save(text, alice, "my essay");

            for (UserSummary reader : List.of(alice, tutor)) {
                HttpResponse<String> response = client().get("/api/submissions/" + saved.submissionId(),
                        token(reader));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(json(response).get("text").asString()).isEqualTo("my essay");
                assertThat(json(response).get("version").asInt()).isEqualTo(1);
            }
        }

        @Test
        void shouldAnswerAnotherStudentAndOutsidersAsForAnUnknownId() {
            SavedSubmission saved = save(text, alice, "my essay");
            UserSummary outsider = data.newMember(data.newCourse(), CourseRole.TUTOR);
            HttpResponse<String> unknown = client().get("/api/submissions/" + NO_SUCH_SUBMISSION, token(bob));

            for (UserSummary refused : List.of(bob, outsider)) {
                HttpResponse<String> forbidden = client().get("/api/submissions/" + saved.submissionId(),
                        token(refused));
                assertThat(forbidden.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
                assertThat(forbidden.headers().firstValue("Content-Type"))
                        .isEqualTo(unknown.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(json(forbidden).get("type")).isEqualTo(json(unknown).get("type"));
                assertThat(json(forbidden).get("title")).isEqualTo(json(unknown).get("title"));
                assertThat(forbidden.body().replace(Long.toString(saved.submissionId()), "ID"))
                        .isEqualTo(unknown.body().replace(Long.toString(NO_SUCH_SUBMISSION), "ID"));
            }
        }

        @Test
        void shouldAnswerAnUnknownIdInTheLiveRangeAsAnyUnknownId() {
            // Ids from 2^52 up are live saves; for a student only their own participations are looked at.
            long liveRange = (1L << 52) + 12_345;
            HttpResponse<String> live = client().get("/api/submissions/" + liveRange, token(bob));
            HttpResponse<String> unknown = client().get("/api/submissions/" + NO_SUCH_SUBMISSION, token(bob));

            assertThat(live.statusCode()).isEqualTo(404);
            assertThat(live.body().replace(Long.toString(liveRange), "ID"))
                    .isEqualTo(unknown.body().replace(Long.toString(NO_SUCH_SUBMISSION), "ID"));
        }

        @Test
        void shouldShowATeamsSubmissionToEveryMemberButNoOtherStudent() {
            Exercise teamExercise = FeatureFixtures.teamExercise(catalog, courseId);
            UserSummary carol = data.newMember(courseId, CourseRole.STUDENT);
            assertThat(client().post("/api/exercises/" + teamExercise.getId() + "/teams", token(tutor),
                    "{\"name\":\"Red\",\"memberLogins\":[\"%s\",\"%s\"]}".formatted(alice.login(), bob.login()))
                    .statusCode()).isEqualTo(201);
            SavedSubmission saved = save(teamExercise, alice, "team work");
            assess(tutor, saved, "9", "9");

            assertThat(client().get("/api/submissions/" + saved.submissionId(), token(bob)).statusCode())
                    .isEqualTo(200);
            assertThat(client().get("/api/submissions/" + saved.submissionId(), token(carol)).statusCode())
                    .isEqualTo(404);
            assertThat(json(client().get("/api/exercises/" + teamExercise.getId() + "/result", token(bob)))
                    .get("score").decimalValue()).isEqualByComparingTo("9");
            assertThat(client().get("/api/exercises/" + teamExercise.getId() + "/result", token(carol)).statusCode())
                    .isEqualTo(404);
            JsonNode staffRow = json(client().get("/api/exercises/" + teamExercise.getId() + "/results",
                    token(tutor))).get("content").get(0);
            assertThat(staffRow.get("team").asString()).isEqualTo("Red");
        }
    }

    @Nested
    class ReadingResults {

        @Test
        void shouldShowAResultWithoutAssessmentDueDateOnlyOnceAssessed() {
            SavedSubmission saved = save(text, alice, "essay");

            assertThat(client().get("/api/exercises/" + text.getId() + "/result", token(alice)).statusCode())
                    .isEqualTo(404);
            assess(tutor, saved, "6", "6");

            assertThat(json(client().get("/api/exercises/" + text.getId() + "/result", token(alice)))
                    .get("score").decimalValue()).isEqualByComparingTo("6");
        }

        @Test
        void shouldShowAQuizResultAtOnceEvenBeforeTheAssessmentDueDate() {
            Exercise quiz = FeatureFixtures.exercise(catalog, courseId, ExerciseType.QUIZ, ExerciseMode.INDIVIDUAL,
                    Instant.now().plus(Duration.ofDays(3)));
            SavedSubmission saved = save(quiz, alice, "{\"answers\":[1]}");
            results.recordAutomatic(List.of(new AutomaticResult(saved.participationId(), saved.submissionId(),
                    new BigDecimal("4"), BigDecimal.TEN, List.of())));

            JsonNode result = json(client().get("/api/exercises/" + quiz.getId() + "/result", token(alice)));

            assertThat(result.get("assessmentType").asString()).isEqualTo("AUTOMATIC");
            assertThat(result.get("score").decimalValue()).isEqualByComparingTo("4");
        }

        @Test
        void shouldNotShowAnotherStudentsResult() {
            assess(tutor, save(text, alice, "essay"), "6", "6");

            assertThat(client().get("/api/exercises/" + text.getId() + "/result", token(bob)).statusCode())
                    .isEqualTo(404);
            assertThat(json(client().get("/api/courses/" + courseId + "/results", token(bob))).get("content"))
                    .isEmpty();
            assertThat(client().get("/api/exercises/" + text.getId() + "/results", token(bob)).statusCode())
                    .isEqualTo(403);
        }

        @Test
        void shouldListOnlyTheCallersOwnResultsInTheCourse() {
            Exercise second = FeatureFixtures.exercise(catalog, courseId, ExerciseType.MODELING,
                    ExerciseMode.INDIVIDUAL, null);
            assess(tutor, save(text, alice, "a1"), "6", "6");
            assess(tutor, save(second, alice, "a2"), "2", "2");
            assess(tutor, save(second, bob, "b2"), "9", "9");

            JsonNode rows = json(client().get("/api/courses/" + courseId + "/results?size=1", token(alice)));

            assertThat(rows.get("page").get("totalElements").asLong()).isEqualTo(2);
            assertThat(rows.get("content").get(0).get("exerciseId").asLong()).isEqualTo(text.getId());
            assertThat(rows.get("content").get(0).get("result").get("score").decimalValue())
                    .isEqualByComparingTo("6");
        }

        @Test
        void shouldRefuseCourseResultsToNonMembersWith403() {
            UserSummary outsider = data.newMember(data.newCourse(), CourseRole.STUDENT);

            assertThat(client().get("/api/courses/" + courseId + "/results", token(outsider)).statusCode())
                    .isEqualTo(403);
            assertThat(client().get("/api/exercises/" + text.getId() + "/result", token(outsider)).statusCode())
                    .isEqualTo(403);
        }
    }

    private Result manualResultOf(SavedSubmission saved) {
        return results.ofParticipation(saved.participationId()).stream()
                .filter(result -> result.getAssessmentType() == AssessmentType.MANUAL)
                .findFirst().orElse(null);
    }

    private SavedSubmission save(Exercise exercise, UserSummary student, String content) {
        long participationId = participations.participationFor(exercise, student.id(), false).getId();
        return submissions.save(participationId, SubmissionContent.ofText(content), TestData.unique("k"), true,
                student.id());
    }

    private HttpResponse<String> assess(UserSummary caller, SavedSubmission saved, String score, String credits) {
        return FeatureFixtures.put(port, "/api/submissions/" + saved.submissionId() + "/assessment", token(caller),
                "{\"score\":%s,\"feedback\":[{\"reference\":\"intro\",\"text\":\"Fine\",\"credits\":%s}]}"
                        .formatted(score, credits));
    }

    private String token(UserSummary user) {
        return client().tokenFor(user.login(), TestData.PASSWORD);
    }
}
