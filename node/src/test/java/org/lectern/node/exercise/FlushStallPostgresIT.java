package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.cluster.NodeStatusBoard;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestNodes;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.NodeBusyException;
import org.lectern.shared.cluster.NodeStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database stalls under a node (every connection of its pool taken and held, so the flusher waits for one)
 * while live saves are waiting to be written. The node keeps renewing its status record well past the record's
 * time-to-live, the record and the Prometheus gauge show the flush lag growing, and past {@code max-flush-lag} live
 * saves are refused with Retry-After; when the connections return, every save reaches the database and saves are
 * taken again.
 */
class FlushStallPostgresIT {

    /** The demo's individual text exercise. */
    private static final long TEXT_EXERCISE = 2;
    private static final int POOL = 4;
    private static final Duration MAX_FLUSH_LAG = Duration.ofSeconds(4);
    /** The default status interval (2 s) makes a record expire after 6 s: the stall outlasts that. */
    private static final Duration STALL = Duration.ofSeconds(9);
    private static final Pattern LAG_SECONDS = Pattern.compile(
            "(?m)^lectern_live_submissions_flush_lag_seconds(?:\\{[^}]*})? (\\S+)$");

    @TempDir
    Path dir;

    @Test
    void shouldKeepPublishingTheStatusAndBoundTheLagWhenTheFlushIsStuckOnTheDatabase() throws Exception {
        String database = PostgresDatabases.create("flush_stall_" + Math.abs(System.nanoTime() % 1_000_000_000));
        try (ConfigurableApplicationContext node = TestNodes.startAlone("stall", dir, Map.of(
                "spring.datasource.url", database,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.datasource.hikari.maximum-pool-size", String.valueOf(POOL),
                // A stuck database rather than a gone one: the flusher waits for a connection instead of failing.
                "spring.datasource.hikari.connection-timeout", "120000",
                "lectern.live-submissions.max-flush-lag", MAX_FLUSH_LAG.toSeconds() + "s"))) {
            SubmissionService submissions = node.getBean(SubmissionService.class);
            LiveSubmissions live = node.getBean(LiveSubmissions.class);
            NodeStatusBoard board = node.getBean(NodeStatusBoard.class);
            UserSummary summary = node.getBean(UserDirectory.class).summaryOf("student1");
            CurrentUser student = new CurrentUser(summary.id(), summary.login(), false);
            Participation participation = node.getBean(ParticipationService.class)
                    .participationFor(node.getBean(ExerciseCatalog.class).get(TEXT_EXERCISE), student.id(), false);
            submissions.saveLive(participation, SubmissionContent.ofText("before"), "before", false, student);
            await().atMost(Duration.ofSeconds(10)).until(() -> live.localPendingCount() == 0);

            List<Connection> held = new ArrayList<>();
            try {
                DataSource pool = node.getBean(DataSource.class);
                for (int i = 0; i < POOL; i++) {
                    held.add(pool.getConnection());
                }
                SavedSubmission during = submissions.saveLive(participation, SubmissionContent.ofText("during"),
                        "during", false, student);
                assertThat(during.version()).isEqualTo(2);

                // Through the whole stall the save waits in the map and the record is renewed again and again.
                Set<Long> publications = ConcurrentHashMap.newKeySet();
                await().during(STALL).atMost(STALL.plusSeconds(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    Optional<NodeStatus> status = own(board);
                    status.ifPresent(s -> publications.add(s.publishedAtMillis()));
                    return status.isPresent() && live.localPendingCount() == 1;
                });
                assertThat(publications).hasSizeGreaterThanOrEqualTo(4);
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(own(board).orElseThrow()
                        .flushLag()).isGreaterThan(STALL.minusSeconds(3)));
                assertThat(prometheusLagSeconds(node)).isGreaterThan(MAX_FLUSH_LAG.toSeconds());

                assertThatThrownBy(() -> submissions.saveLive(participation, SubmissionContent.ofText("refused"),
                        "refused", false, student))
                        .isInstanceOfSatisfying(NodeBusyException.class, busy -> assertThat(busy.retryAfter())
                                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4)))
                        .hasMessageContaining("nothing was saved");
                assertThat(live.localPendingCount()).isEqualTo(1);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }

            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select content from submissions where participation_id = ? order by version", String.class,
                    participation.getId())).containsExactly("before", "during"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(own(board).orElseThrow()
                    .flushLagMillis()).isZero());
            await().atMost(Duration.ofSeconds(5)).ignoreException(NodeBusyException.class).untilAsserted(() ->
                    assertThat(submissions.saveLive(participation, SubmissionContent.ofText("after"), "after", false,
                            student).version()).isEqualTo(3));
        }
    }

    private static Optional<NodeStatus> own(NodeStatusBoard board) {
        return board.all().stream().filter(status -> status.nodeId().equals("stall")).findFirst();
    }

    private static double prometheusLagSeconds(ConfigurableApplicationContext node) throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + TestNodes.httpPort(node) + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        Matcher lag = LAG_SECONDS.matcher(scrape.body());
        assertThat(lag.find()).as("flush lag gauge in %s", scrape.body()).isTrue();
        return Double.parseDouble(lag.group(1));
    }
}
