package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.quiz.QuizEvaluator;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two nodes on one database: what changes on node A is what node B answers at once, with no cache in between
 * (answers still only in the live map included).
 */
class CrossNodeReadsPostgresIT {

    /** The demo's live quiz, not started. */
    private static final long DEMO_QUIZ = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static TestCluster cluster;
    private static LecternClient a;
    private static LecternClient b;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TestCluster.start(2, "cross-reads", dataDir,
                PostgresDatabases.create("cross_reads_" + System.nanoTime()));
        a = new LecternClient(cluster.baseUrl(0));
        b = new LecternClient(cluster.baseUrl(1));
    }

    @AfterAll
    static void stopNodes() {
        cluster.close();
    }

    @Test
    void shouldShowTheAnswerSavedOnATheMomentItIsReadOnB() throws Exception {
        String token = a.tokenFor("student1", "demo");
        JsonNode started = LecternClient.json(a.post("/api/exams/1/student-exam/start", token, ""));
        int text = indexOfTextExercise(started);
        long exerciseId = started.get("exercises").get(text).get("id").asLong();

        HttpResponse<String> saved = put(cluster.baseUrl(0), "/api/exams/1/exercises/" + exerciseId + "/submission",
                token, "k-cross-1", "{\"text\":\"written on A\"}");
        JsonNode onB = LecternClient.json(b.get("/api/exams/1/student-exam", token));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode latest = onB.get("exercises").get(text).get("latestSave");
        assertThat(latest.get("content").asString()).isEqualTo("written on A");
        assertThat(latest.get("version").asInt()).isEqualTo(LecternClient.json(saved).get("version").asInt());
        assertThat(latest.get("submissionId").asLong())
                .isEqualTo(LecternClient.json(saved).get("submissionId").asLong());
    }

    @Test
    void shouldShowTheExamEndChangedOnAWhenReadOnB() throws Exception {
        String instructor = a.tokenFor("instructor", "demo");
        String student = b.tokenFor("student2", "demo");
        b.post("/api/exams/1/student-exam/start", student, "");

        HttpResponse<String> changed = put(cluster.baseUrl(0), "/api/exams/1/working-time", instructor, null,
                "{\"workingTimeSeconds\":4321}");
        JsonNode onB = LecternClient.json(b.get("/api/exams/1/student-exam", student));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(onB.get("workingTimeSeconds").asInt()).isEqualTo(4321);
        assertThat(Instant.parse(onB.get("individualEnd").asString()))
                .isEqualTo(Instant.parse(onB.get("startedAt").asString()).plusSeconds(4321));
    }

    @Test
    void shouldShowTheDueDateChangedOnAWhenReadOnB() throws Exception {
        String instructor = a.tokenFor("instructor", "demo");
        ObjectNode exercise = (ObjectNode) LecternClient.json(b.get("/api/exercises/2", instructor));
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        exercise.put("dueDate", due.toString());

        HttpResponse<String> changed = put(cluster.baseUrl(0), "/api/exercises/2", instructor, null,
                JSON.writeValueAsString(exercise));
        JsonNode onB = LecternClient.json(b.get("/api/exercises/2", instructor));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Instant.parse(onB.get("dueDate").asString())).isEqualTo(due);
    }

    @Test
    void shouldShowTheQuizResultEvaluatedOnAWhenReadOnB() throws Exception {
        String instructor = a.tokenFor("instructor", "demo");
        String student = a.tokenFor("student5", "demo");
        JsonNode quiz = LecternClient.json(a.post("/api/quizzes/" + DEMO_QUIZ + "/start", instructor, ""));
        JsonNode first = quiz.get("questions").get(0);
        String answer = "{\"answers\":[{\"questionId\":%d,\"optionIds\":[%d]}]}"
                .formatted(first.get("id").asLong(), first.get("options").get(0).get("id").asLong());
        assertThat(put(cluster.baseUrl(0), "/api/quizzes/" + DEMO_QUIZ + "/submission", student, "k-quiz", answer)
                .statusCode()).isEqualTo(200);

        // Whichever node owns the scheduler evaluates; the test reads on the other one.
        Instant afterGrace = Instant.parse(quiz.get("endsAt").asString()).plusSeconds(6);
        List<Long> evaluated = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            cluster.node(node).getBean(DurableScheduler.class).runDue(afterGrace).stream()
                    .filter(task -> task.kind().equals(QuizEvaluator.QUIZ_END))
                    .forEach(task -> evaluated.add(Long.parseLong(task.subject())));
        }
        JsonNode onB = LecternClient.json(b.get("/api/quizzes/" + DEMO_QUIZ + "/live", student));

        assertThat(evaluated).containsExactly(DEMO_QUIZ);
        assertThat(onB.get("result").isObject()).as(onB.toString()).isTrue();
        assertThat(onB.get("result").get("maxScore").decimalValue()).isPositive();
    }

    private static int indexOfTextExercise(JsonNode studentExam) {
        JsonNode exercises = studentExam.get("exercises");
        for (int i = 0; i < exercises.size(); i++) {
            if ("TEXT".equals(exercises.get(i).get("type").asString())) {
                return i;
            }
        }
        throw new AssertionError("no text exercise in " + studentExam);
    }

    private static HttpResponse<String> put(String baseUrl, String path, String token, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
