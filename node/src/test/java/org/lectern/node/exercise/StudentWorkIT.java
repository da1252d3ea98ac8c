package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.exercise.CourseExerciseFlow.filesUnder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

class StudentWorkIT extends NodeIntegrationTest {

    @Autowired
    TestData fixtures;

    @Autowired
    ExerciseCatalog catalog;

    @Autowired
    ParticipationService participations;

    @Autowired
    SubmissionService submissions;

    @Autowired
    SubmissionRepository submissionRows;

    @Autowired
    StorageProperties storage;

    @Autowired
    JdbcTemplate jdbc;

    CourseSetup course;

    @BeforeEach
    void setUp() {
        course = new CourseSetup(fixtures, port);
    }

    /** How many versions the student has saved in the exercise (0 when they have no participation). */
    long versionsOf(long exerciseId) {
        return participations.existingParticipation(catalog.get(exerciseId), course.studentId, false)
                .map(participation -> submissions.versionCount(participation.getId()))
                .orElse(0L);
    }

    void closeExercise(long exerciseId) {
        Exercise exercise = catalog.get(exerciseId);
        exercise.setDates(Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60), null);
        catalog.save(exercise);
    }

    @Nested
    class Participating {

        @Test
        void shouldStartOneParticipationAndReturnItAgain() {
            long exerciseId = course.openExercise("TEXT");
            String path = "/api/exercises/" + exerciseId + "/participation";

            assertThat(client().get(path, course.student).statusCode()).isEqualTo(404);
            HttpResponse<String> started = client().post(path, course.student, "");
            HttpResponse<String> again = client().post(path, course.student, "");

            assertThat(started.statusCode()).isEqualTo(200);
            long id = LecternClient.json(started).get("participationId").asLong();
            assertThat(LecternClient.json(again).get("participationId").asLong()).isEqualTo(id);
            assertThat(LecternClient.json(client().get(path, course.student)).get("latestSubmission").isNull()).isTrue();
        }

        @Test
        void shouldRefuseBeforeTheReleaseWith403AndStartNothing() {
            long exerciseId = course.exercise("TEXT", "INDIVIDUAL", Instant.now().plusSeconds(3600), null, null, null);

            assertThat(client().post("/api/exercises/" + exerciseId + "/participation", course.student, "")
                    .statusCode()).isEqualTo(403);
            assertThat(course.saveText(exerciseId, course.student, "early", "k").statusCode()).isEqualTo(403);
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
        }

        @Test
        void shouldAnswer409WhenTheStudentIsInNoTeamOfATeamExercise() {
            long exerciseId = course.exercise("TEXT", "TEAM", null, null, null, null);

            assertThat(client().post("/api/exercises/" + exerciseId + "/participation", course.student, "")
                    .statusCode()).isEqualTo(409);
            assertThat(course.saveText(exerciseId, course.student, "alone", "k").statusCode()).isEqualTo(409);
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
        }

        @Test
        void shouldKeepStaffQuizzesAndExamExercisesOut() {
            long exerciseId = course.openExercise("TEXT");
            long quizId = fixtures.newExercise(course.courseId, ExerciseType.QUIZ).getId();
            long examExerciseId = new ExamExercises(jdbc, catalog).create(course.courseId);

            assertThat(client().post("/api/exercises/" + exerciseId + "/participation", course.tutor, "")
                    .statusCode()).isEqualTo(403);
            assertThat(client().post("/api/exercises/" + quizId + "/participation", course.student, "")
                    .statusCode()).isEqualTo(400);
            assertThat(client().post("/api/exercises/" + examExerciseId + "/participation", course.student, "")
                    .statusCode()).isEqualTo(404);
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
            assertThat(participations.ofExercise(quizId)).isEmpty();
        }
    }

    @Nested
    class Saving {

        @Test
        void shouldRefuseASaveAfterTheDueDateWith409AndSaveNothing() {
            long exerciseId = course.exercise("TEXT", "INDIVIDUAL", Instant.now().minusSeconds(7200),
                    Instant.now().minusSeconds(60), null, null);

            HttpResponse<String> response = course.saveText(exerciseId, course.student, "late", "k");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
        }

        @Test
        void shouldAnswerAReplayAfterTheDueDateWithTheFirstSave() {
            long exerciseId = course.openExercise("TEXT");
            JsonNode first = LecternClient.json(course.saveText(exerciseId, course.student, "in time", "k-1"));
            closeExercise(exerciseId);

            HttpResponse<String> replay = course.saveText(exerciseId, course.student, "in time", "k-1");
            HttpResponse<String> late = course.saveText(exerciseId, course.student, "too late", "k-2");

            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(LecternClient.json(replay).get("submissionId").asLong())
                    .isEqualTo(first.get("submissionId").asLong());
            assertThat(LecternClient.json(replay).get("replayed").asBoolean()).isTrue();
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(versionsOf(exerciseId)).isEqualTo(1);
        }

        @Test
        void shouldStoreAModelAsCanonicalJson() {
            long exerciseId = course.openExercise("MODELING");

            HttpResponse<String> response = course.api.put("/api/exercises/" + exerciseId + "/submission",
                    course.student, "{\"model\": {\"b\": [1, 2], \"a\": {\"d\": true, \"c\": null}}}", "m-1");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            long submissionId = LecternClient.json(response).get("submissionId").asLong();
            assertThat(submissionRows.findById(submissionId).orElseThrow().getContent().text())
                    .isEqualTo("{\"a\":{\"c\":null,\"d\":true},\"b\":[1,2]}");
            JsonNode participation = LecternClient.json(
                    client().get("/api/exercises/" + exerciseId + "/participation", course.student));
            assertThat(participation.get("latestSubmission").get("model").get("b").get(1).asInt()).isEqualTo(2);
        }

        @Test
        void shouldRefuseTooLargeContentWith413AndSaveNothing() {
            long textId = course.openExercise("TEXT");
            long modelId = course.openExercise("MODELING");
            String bigModel = "{\"model\":{\"x\":\"" + "m".repeat(StudentWorkService.MAX_MODEL_BYTES) + "\"}}";

            HttpResponse<String> text = course.saveText(textId, course.student,
                    "t".repeat(StudentWorkService.MAX_TEXT_CHARS + 1), "k");
            HttpResponse<String> model = course.api.put("/api/exercises/" + modelId + "/submission", course.student,
                    bigModel, "k");

            assertThat(text.statusCode()).isEqualTo(413);
            assertThat(model.statusCode()).isEqualTo(413);
            assertThat(model.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(versionsOf(textId)).isZero();
            assertThat(versionsOf(modelId)).isZero();
        }

        @Test
        void shouldAcceptTextOfExactlyTheLimit() {
            long exerciseId = course.openExercise("TEXT");

            assertThat(course.saveText(exerciseId, course.student, "t".repeat(StudentWorkService.MAX_TEXT_CHARS), "k")
                    .statusCode()).isEqualTo(200);
            assertThat(versionsOf(exerciseId)).isEqualTo(1);
        }

        @Test
        void shouldRefuseStaffStudentsOfOtherCoursesAndUnknownExercises() {
            long exerciseId = course.openExercise("TEXT");
            CourseSetup otherCourse = new CourseSetup(fixtures, port);

            assertThat(course.saveText(exerciseId, course.tutor, "x", "k").statusCode()).isEqualTo(403);
            assertThat(course.saveText(exerciseId, course.instructor, "x", "k").statusCode()).isEqualTo(403);
            assertThat(course.saveText(exerciseId, otherCourse.student, "x", "k").statusCode()).isEqualTo(403);
            assertThat(course.saveText(999999999, course.student, "x", "k").statusCode()).isEqualTo(404);
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
        }

        @Test
        void shouldRefuseMalformedSavesWith400AndSaveNothing() {
            long textId = course.openExercise("TEXT");
            long modelId = course.openExercise("MODELING");
            String textPath = "/api/exercises/" + textId + "/submission";
            String modelPath = "/api/exercises/" + modelId + "/submission";

            assertThat(course.api.put(textPath, course.student, "{\"text\": ", "k").statusCode()).isEqualTo(400);
            assertThat(course.api.put(textPath, course.student, "{\"model\": {}}", "k").statusCode()).isEqualTo(400);
            assertThat(course.api.put(textPath, course.student, "{\"text\": \"x\"}", null).statusCode())
                    .isEqualTo(400);
            assertThat(course.api.put(textPath, course.student, "{\"text\": \"x\"}", "not a key").statusCode())
                    .isEqualTo(400);
            assertThat(course.api.put(modelPath, course.student, "{\"model\": [1, 2]}", "k").statusCode())
                    .isEqualTo(400);
            assertThat(course.api.put(modelPath, course.student, "{\"text\": \"x\"}", "k").statusCode())
                    .isEqualTo(400);
            assertThat(versionsOf(textId)).isZero();
            assertThat(versionsOf(modelId)).isZero();
        }
    }

    @Nested
    class Uploading {

        byte[] pdf = "%PDF-1.4 answer".getBytes(StandardCharsets.UTF_8);

        long fileExercise(long maxBytes) {
            return course.exercise("FILE_UPLOAD", "INDIVIDUAL", null, null, "pdf,png", maxBytes);
        }

        Path directoryOf(long exerciseId) {
            return storage.dir().resolve("exercises/" + exerciseId);
        }

        @Test
        void shouldRefuseAFileOfAnotherTypeWith400AndStoreNothing() throws IOException {
            long exerciseId = fileExercise(1024);

            assertThat(course.upload(exerciseId, course.student, "answer.exe", pdf, "k").statusCode()).isEqualTo(400);
            assertThat(course.upload(exerciseId, course.student, "answer.pdf.exe", pdf, "k").statusCode())
                    .isEqualTo(400);
            assertThat(course.upload(exerciseId, course.student, "pdf", pdf, "k").statusCode()).isEqualTo(400);
            assertThat(filesUnder(directoryOf(exerciseId))).isEmpty();
            assertThat(versionsOf(exerciseId)).isZero();
        }

        @Test
        void shouldRefuseAFileAboveTheExerciseLimitWith413AndLeaveNoFile() throws IOException {
            long exerciseId = fileExercise(1024);

            HttpResponse<String> response = course.upload(exerciseId, course.student, "big.png", new byte[2048], "k");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(LecternClient.json(response).get("detail").asString()).contains("1024");
            assertThat(filesUnder(directoryOf(exerciseId))).isEmpty();
            assertThat(versionsOf(exerciseId)).isZero();
        }

        @Test
        void shouldAnswer413WhenTheFileExceedsTheServerLimit() throws IOException {
            long exerciseId = course.exercise("FILE_UPLOAD", "INDIVIDUAL", null, null, "pdf", null);
            byte[] tooBig = new byte[(int) storage.maxFileSize().toBytes() + 1];

            HttpResponse<String> response = course.upload(exerciseId, course.student, "big.pdf", tooBig, "k");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(LecternClient.json(response).get("detail").asString()).contains("this server accepts");
            assertThat(filesUnder(directoryOf(exerciseId))).isEmpty();
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
        }

        @Test
        void shouldKeepATraversalNameInsideTheParticipationDirectory() throws IOException {
            long exerciseId = fileExercise(1024);

            HttpResponse<String> response = course.upload(exerciseId, course.student, "../../../../etc/evil.pdf",
                    pdf, "k");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(filesUnder(directoryOf(exerciseId))).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).endsWith("-evil.pdf");
                assertThat(file.getParent().getParent().getFileName().toString()).isEqualTo("participations");
            });
            long submissionId = LecternClient.json(response).get("submissionId").asLong();
            assertThat(submissionRows.findById(submissionId).orElseThrow().getContent().fileName()).isEqualTo("evil.pdf");
        }

        @Test
        void shouldAnswerAReplayedUploadWithTheFirstAndKeepOneFile() throws IOException {
            long exerciseId = fileExercise(1024);

            JsonNode first = LecternClient.json(course.upload(exerciseId, course.student, "a.pdf", pdf, "same"));
            JsonNode replay = LecternClient.json(course.upload(exerciseId, course.student, "b.pdf", pdf, "same"));

            assertThat(replay.get("replayed").asBoolean()).isTrue();
            assertThat(replay.get("submissionId").asLong()).isEqualTo(first.get("submissionId").asLong());
            assertThat(filesUnder(directoryOf(exerciseId))).singleElement()
                    .satisfies(file -> assertThat(file.getFileName().toString()).endsWith("-a.pdf"));
        }

        @Test
        void shouldRefuseUploadsAfterTheDueDateAndToOtherExerciseTypes() throws IOException {
            long exerciseId = fileExercise(1024);
            closeExercise(exerciseId);
            long textId = course.openExercise("TEXT");

            assertThat(course.upload(exerciseId, course.student, "a.pdf", pdf, "k").statusCode()).isEqualTo(409);
            assertThat(course.upload(textId, course.student, "a.pdf", pdf, "k").statusCode()).isEqualTo(400);
            assertThat(course.saveText(exerciseId, course.student, "text", "k").statusCode()).isEqualTo(400);
            assertThat(filesUnder(directoryOf(exerciseId))).isEmpty();
            assertThat(participations.ofExercise(exerciseId)).isEmpty();
        }

        @Test
        void shouldAnswer404ForASubmissionWithoutAFileOrUnknown() {
            long exerciseId = course.openExercise("TEXT");
            long submissionId = LecternClient.json(course.saveText(exerciseId, course.student, "x", "k"))
                    .get("submissionId").asLong();

            assertThat(course.api.download("/api/submissions/" + submissionId + "/file", course.student).statusCode())
                    .isEqualTo(404);
            assertThat(course.api.download("/api/submissions/999999999/file", course.student).statusCode())
                    .isEqualTo(404);
        }
    }
}
