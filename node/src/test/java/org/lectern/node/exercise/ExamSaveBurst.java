package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.node.support.LecternClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Students of the demo exam saving their text answer over and over through a cluster's nodes, as browsers behind
 * a load balancer would: each save goes to the next node, and a save that fails (node gone, 5xx) is sent again with
 * the same idempotency key to the next one until a node acknowledges it. Records what was sent and what was
 * acknowledged, and checks the database against both.
 */
final class ExamSaveBurst {

    /** The demo's exam: the first one created in an empty database. */
    static final long DEMO_EXAM = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a save is retried, as the browser does, before the burst counts it as refused for good. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);
    /** The pause after a connection fails; after a 503 the node's {@code Retry-After} sets it, as for the browser. */
    private static final Duration PAUSE_AFTER_CONNECTION_FAILURE = Duration.ofMillis(200);

    record Student(String login, String token, long exerciseId) {
    }

    record Ack(String key, String text, int version, long submissionId, boolean replayed) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> baseUrls;
    private final String run;
    private final List<Student> students = new ArrayList<>();
    /** Key to text of every save sent at least once. */
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();

    ExamSaveBurst(List<String> baseUrls, String run) {
        this.baseUrls = List.copyOf(baseUrls);
        this.run = run;
    }

    /** Logs the students in (each at another node), starts their exam and finds their text exercise. */
    void prepare(List<String> logins, String password) {
        for (int i = 0; i < logins.size(); i++) {
            LecternClient client = new LecternClient(baseUrls.get(i % baseUrls.size()));
            String token = client.tokenFor(logins.get(i), password);
            HttpResponse<String> started = client.post("/api/exams/" + DEMO_EXAM + "/student-exam/start", token, "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            long exerciseId = -1;
            for (JsonNode item : LecternClient.json(started).get("exercises")) {
                if ("TEXT".equals(item.get("type").asString())) {
                    exerciseId = item.get("id").asLong();
                    break;
                }
            }
            assertThat(exerciseId).isPositive();
            students.add(new Student(logins.get(i), token, exerciseId));
        }
    }

    /**
     * Every student saves {@code savesEach} times; once {@code killAfter} saves are acknowledged, {@code kill} runs
     * on a thread of its own while the burst goes on.
     */
    void run(int savesEach, int killAfter, Runnable kill) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(students.size() + 1);
        CountDownLatch killTime = new CountDownLatch(killAfter);
        try {
            Future<?> killer = pool.submit(() -> {
                killTime.await();
                kill.run();
                return null;
            });
            List<Future<?>> savers = new ArrayList<>();
            for (Student student : students) {
                savers.add(pool.submit(() -> {
                    for (int i = 0; i < savesEach; i++) {
                        save(student, run + "-" + student.login() + "-" + i, "answer " + i + " of " + student.login());
                        killTime.countDown();
                    }
                    return null;
                }));
            }
            for (Future<?> saver : savers) {
                saver.get(5, TimeUnit.MINUTES);
            }
            killer.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
    }

    private void save(Student student, String key, String text) throws InterruptedException {
        sent.put(key, text);
        String body = JSON.writeValueAsString(Map.of("text", text));
        // A node that dies leaves its partitions to migrate; saves are refused with 503 meanwhile, for a time that
        // depends on the machine's load, so the burst retries for a while, not a number of times.
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        String lastFailure = "none";
        while (System.nanoTime() < giveUpAt) {
            String node = baseUrls.get(Math.floorMod(next.getAndIncrement(), baseUrls.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(node + "/api/exams/" + DEMO_EXAM + "/exercises/"
                            + student.exerciseId() + "/submission"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + student.token())
                    .header("Idempotency-Key", key)
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode saved = JSON.readTree(response.body());
                    boolean replayed = saved.get("replayed").asBoolean();
                    if (replayed) {
                        replays.incrementAndGet();
                    }
                    acknowledged.put(key, new Ack(key, text, saved.get("version").asInt(),
                            saved.get("submissionId").asLong(), replayed));
                    return;
                }
                assertThat(response.statusCode()).as("save %s at %s: %s", key, node, response.body())
                        .isGreaterThanOrEqualTo(500);
                lastFailure = response.statusCode() + " from " + node + ": " + response.body();
                retries.incrementAndGet();
                Thread.sleep(response.headers().firstValueAsLong("Retry-After").stream()
                        .map(TimeUnit.SECONDS::toMillis).findFirst().orElse(PAUSE_AFTER_CONNECTION_FAILURE.toMillis()));
            } catch (IOException nodeGone) {
                // Connection refused or reset: the next node gets the same save.
                lastFailure = node + ": " + nodeGone;
                retries.incrementAndGet();
                Thread.sleep(PAUSE_AFTER_CONNECTION_FAILURE.toMillis());
            }
        }
        throw new AssertionError("save " + key + " was not acknowledged within " + GIVE_UP_AFTER + "; last: "
                + lastFailure);
    }

    Map<String, Ack> acknowledged() {
        return acknowledged;
    }

    int retries() {
        return retries.get();
    }

    int replays() {
        return replays.get();
    }

    /** This burst's rows in the database: key to (version, content, participation). */
    Map<String, Row> rowsIn(String jdbcUrl) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement("""
                        select idempotency_key, version, content, participation_id, id from submissions
                        where idempotency_key like ?""")) {
            query.setString(1, run + "-%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Row row = new Row(result.getString(1), result.getInt(2), result.getString(3), result.getLong(4),
                            result.getLong(5));
                    assertThat(rows.put(row.key(), row)).as("idempotency key %s twice", row.key()).isNull();
                }
            }
        }
        return rows;
    }

    record Row(String key, int version, String content, long participationId, long id) {
    }

    /**
     * The database holds exactly the acknowledged saves plus, at most, saves that were sent but whose answer was
     * lost; each with the content sent, the version and id acknowledged, versions gap-free per participation.
     */
    void assertDatabaseMatches(Map<String, Row> rows) {
        assertThat(rows.keySet()).as("acknowledged saves in the database").containsAll(acknowledged.keySet());
        assertThat(sent.keySet()).as("every row was sent by a client").containsAll(rows.keySet());
        acknowledged.values().forEach(ack -> {
            Row row = rows.get(ack.key());
            assertThat(row.content()).as("content of %s", ack.key()).isEqualTo(ack.text());
            assertThat(row.version()).as("version of %s", ack.key()).isEqualTo(ack.version());
            assertThat(row.id()).as("id of %s", ack.key()).isEqualTo(ack.submissionId());
        });
        Map<Long, List<Integer>> versions = new HashMap<>();
        rows.values().forEach(row -> versions.computeIfAbsent(row.participationId(), id -> new ArrayList<>())
                .add(row.version()));
        versions.forEach((participation, list) -> assertThat(list).as("versions of participation %d", participation)
                .containsExactlyInAnyOrderElementsOf(range(list.size())));
    }

    Set<String> sentKeys() {
        return sent.keySet();
    }

    private static List<Integer> range(int size) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            all.add(i);
        }
        return all;
    }
}
