package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * A student saving and uploading over HTTP, written once and run on each database: {@link CourseExerciseIT} (H2)
 * and {@link CourseExercisePostgresIT} (PostgreSQL).
 */
interface CourseExerciseFlow {

    @Test
    default void shouldSaveTextVersionsAndAnswerAReplayWithTheFirstSave(@Autowired TestData fixtures,
            @Value("${local.server.port}") int port) {
        CourseSetup course = new CourseSetup(fixtures, port);
        long exerciseId = course.openExercise("TEXT");

        HttpResponse<String> first = course.saveText(exerciseId, course.student, "first", "key-1");
        HttpResponse<String> replay = course.saveText(exerciseId, course.student, "changed", "key-1");
        HttpResponse<String> second = course.saveText(exerciseId, course.student, "second", "key-2");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode saved = LecternClient.json(first);
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        assertThat(saved.get("replayed").asBoolean()).isFalse();
        JsonNode replayed = LecternClient.json(replay);
        assertThat(replayed.get("replayed").asBoolean()).isTrue();
        assertThat(replayed.get("submissionId").asLong()).isEqualTo(saved.get("submissionId").asLong());
        assertThat(LecternClient.json(second).get("version").asInt()).isEqualTo(2);
        JsonNode participation = LecternClient.json(
                course.client.get("/api/exercises/" + exerciseId + "/participation", course.student));
        assertThat(participation.get("latestSubmission").get("text").asString()).isEqualTo("second");
        assertThat(participation.get("latestSubmission").get("version").asInt()).isEqualTo(2);
    }

    @Test
    default void shouldStoreAnUploadAtomicallyAndLetOnlyItsOwnerAndStaffDownloadIt(@Autowired TestData fixtures,
            @Autowired StorageProperties storage, @Value("${local.server.port}") int port) throws IOException {
        CourseSetup course = new CourseSetup(fixtures, port);
        long exerciseId = course.exercise("FILE_UPLOAD", "INDIVIDUAL", null, null, "pdf,png", 4096L);
        byte[] content = "%PDF-1.4 my answer".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> uploaded = course.upload(exerciseId, course.student, "Answer.PDF", content, "up-1");

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        long submissionId = LecternClient.json(uploaded).get("submissionId").asLong();
        Path exerciseDir = storage.dir().resolve("exercises/" + exerciseId);
        assertThat(filesUnder(exerciseDir)).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).endsWith("-Answer.PDF");
            assertThat(file.getParent().getFileName().toString()).isEqualTo(participationId(course, exerciseId));
        });
        HttpResponse<byte[]> own = course.api.download("/api/submissions/" + submissionId + "/file", course.student);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(content);
        assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment").contains("Answer.PDF"));
        assertThat(course.api.download("/api/submissions/" + submissionId + "/file", course.tutor).statusCode())
                .isEqualTo(200);
        assertThat(course.api.download("/api/submissions/" + submissionId + "/file", course.otherStudent)
                .statusCode()).as("forbidden answers as unknown").isEqualTo(404);
    }

    private static String participationId(CourseSetup course, long exerciseId) {
        return LecternClient.json(course.client.get("/api/exercises/" + exerciseId + "/participation", course.student))
                .get("participationId").asString();
    }

    /** Every file (temporary ones included) below the directory. */
    static List<Path> filesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
