package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reports (never asserts) how long a save takes until it is acknowledged, on two nodes and PostgreSQL: straight to
 * the database (as course exercises save, and as a write-through MapStore would add to every live save), and into
 * the live map with its synchronous backup (write-behind: the database write happens later, off the request).
 */
class LiveSubmissionSaveBenchmarkPostgresIT {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubmissionSaveBenchmarkPostgresIT.class);
    private static final int WARM_UP = 50;
    private static final int SAVES = 300;
    /** The demo's individual text exercise. */
    private static final long TEXT_EXERCISE = 2;

    @TempDir
    Path dataDir;

    @Test
    void shouldReportSaveLatencyWhenSavingToTheDatabaseAndToTheLiveMap() {
        String jdbcUrl = PostgresDatabases.create("live_bench_" + System.nanoTime());
        try (TestCluster cluster = TestCluster.start(2, "live-bench", dataDir, jdbcUrl)) {
            ConfigurableApplicationContext node = cluster.node(0);
            SubmissionService submissions = node.getBean(SubmissionService.class);
            Participation direct = participationOf(node, "student1");
            Participation live = participationOf(node, "student2");
            UserSummary liveStudent = node.getBean(UserDirectory.class).summaryOf("student2");
            CurrentUser author = new CurrentUser(liveStudent.id(), liveStudent.login(), false);

            double[] database = measure(i -> submissions.save(direct.getId(),
                    SubmissionContent.ofText("answer " + i), "d" + i, false, null));
            double[] map = measure(i -> submissions.saveLive(live,
                    SubmissionContent.ofText("answer " + i), "l" + i, false, author));

            LOG.info("Save latency over {} saves, ms: database (direct / write-through part) p50 {} p95 {}; "
                            + "live map with synchronous backup (write-behind) p50 {} p95 {}",
                    SAVES, percentile(database, 50), percentile(database, 95), percentile(map, 50),
                    percentile(map, 95));
            assertThat(submissions.versionCount(direct.getId())).isEqualTo(WARM_UP + SAVES);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(submissions.versionCount(live.getId())).isEqualTo(WARM_UP + SAVES));
        }
    }

    private static Participation participationOf(ConfigurableApplicationContext node, String login) {
        long studentId = node.getBean(UserDirectory.class).summaryOf(login).id();
        Exercise exercise = node.getBean(ExerciseCatalog.class).get(TEXT_EXERCISE);
        return node.getBean(ParticipationService.class).participationFor(exercise, studentId, false);
    }

    /** Milliseconds per save, sorted, after a warm-up. */
    private static double[] measure(LongConsumer save) {
        for (int i = 0; i < WARM_UP; i++) {
            save.accept(-i - 1);
        }
        double[] millis = new double[SAVES];
        for (int i = 0; i < SAVES; i++) {
            long start = System.nanoTime();
            save.accept(i);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String percentile(double[] sorted, int percent) {
        return String.format("%.2f", sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)]);
    }
}
