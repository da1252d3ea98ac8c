package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.shared.testing.FreePorts;
import tools.jackson.databind.JsonNode;

/**
 * The generator against a real node (the packaged jar, demo accounts, its own ports and data): a short exam with
 * the quiz in it must produce a complete report and a clean set check. Figures are not asserted; this is not a
 * benchmark, only the proof that the benchmark works.
 */
class ExamBenchIT {

    private static final Path HOME = Path.of(System.getProperty("lectern.home", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path data;

    private static Process node;
    private static int httpPort;
    private static int memberPort;

    @BeforeAll
    static void startNode() throws IOException {
        Path jar = HOME.resolve("node/target/lectern-node.jar");
        assertThat(jar).as("the node jar (built by the node module before this one)").exists();
        httpPort = FreePorts.next();
        memberPort = FreePorts.next();
        int stompPort = FreePorts.next();
        node = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "--spring.profiles.active=demo", "--lectern.data-dir=" + data.resolve("node"),
                "--server.port=" + httpPort, "--lectern.cluster.port=" + memberPort,
                "--lectern.cluster.members=127.0.0.1:" + memberPort, "--lectern.broker.stomp-port=" + stompPort)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("node.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(node.isAlive()).as("node alive (see its log in the test's temporary folder)").isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.destroy();
            if (!node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void shouldReportAShortExamWithItsQuizAndFindEverySaveWhenRunAgainstANode() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("--students", "20", "--seconds", "20", "--ramp-seconds",
                "5", "--quiz-seconds", "10", "--autosave-seconds", "5", "--floor-seconds", "5", "--url",
                "http://127.0.0.1:" + httpPort, "--hazelcast", "127.0.0.1:" + memberPort, "--output",
                data.resolve("bench").toString()));

        Report report = BenchMain.run("exam", options, null);

        assertThat(report.setCheck().method()).isEqualTo("api");
        assertThat(report.setCheck().acknowledged()).isPositive();
        assertThat(report.setCheck().lost()).isZero();
        assertThat(report.setCheck().unexpected()).isZero();
        assertThat(report.setCheck().duplicated()).isZero();
        assertThat(report.sessions().peak()).isEqualTo(20);
        assertThat(report.sessions().neverIn()).isZero();
        assertThat(report.quiz().startsReceived()).isEqualTo(20);
        assertThat(report.quiz().resultsReceived()).isEqualTo(20);
        assertThat(report.quiz().duplicateResults()).isZero();
        assertThat(report.latency().get("save").count()).isEqualTo(report.saves().acknowledged()
                - report.latency().get("quiz_answer").count());
        assertThat(report.latency().get("floor").count()).isPositive();
        assertThat(report.nodes()).extracting(Report.NodeSummary::nodeId).containsExactly("node-1");

        Path written;
        try (var runs = Files.list(data.resolve("bench"))) {
            written = runs.filter(p -> p.getFileName().toString().startsWith("exam-")).findFirst().orElseThrow();
        }
        assertThat(written.resolve("plot.png")).isNotEmptyFile();
        assertThat(Files.readString(written.resolve("summary.txt"))).contains("Set check (api)", "save", "quiz_fanout");
        JsonNode json = Api.JSON.readTree(Files.readString(written.resolve("report.json")));
        for (String field : List.of("sessions", "rates", "latency", "saveToFloor", "quiz", "failedRequests",
                "failureCauses", "nodes", "generator", "setCheck", "timeline", "machine", "commit")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.path("latency").path("save").has("p99")).isTrue();
    }
}
