package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three nodes in this JVM on one PostgreSQL; students save exam answers through all three while one node dies
 * abruptly. Every acknowledged save must reach the database, and nothing a client did not send.
 */
class LiveSubmissionsClusterPostgresIT {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubmissionsClusterPostgresIT.class);

    @TempDir
    Path dataDir;

    @Test
    void shouldStoreEveryAcknowledgedSaveWhenANodeDiesDuringABurst() throws Exception {
        String database = "live_burst_" + System.nanoTime();
        String jdbcUrl = PostgresDatabases.create(database);
        try (TestCluster cluster = TestCluster.start(3, "live-burst", dataDir, jdbcUrl)) {
            ExamSaveBurst burst = new ExamSaveBurst(cluster.baseUrls(), "b" + System.nanoTime());
            burst.prepare(IntStream.of(1, 2, 5, 6, 7, 8).mapToObj(i -> "student" + i).toList(), "demo");

            burst.run(40, 60, () -> cluster.kill(2));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(burst.rowsIn(jdbcUrl).keySet()).containsAll(burst.acknowledged().keySet()));
            burst.assertDatabaseMatches(burst.rowsIn(jdbcUrl));
            assertThat(burst.acknowledged()).hasSize(6 * 40);
            LOG.info("Burst: {} saves acknowledged, {} retries after failures, {} answered as replays",
                    burst.acknowledged().size(), burst.retries(), burst.replays());
        }
    }
}
