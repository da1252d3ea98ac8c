package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.support.NodeProcesses;
import org.lectern.node.support.PostgresDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three nodes as separate JVMs from the packaged jar on one PostgreSQL; one is killed with SIGKILL during a burst of
 * exam saves. Every acknowledged save must reach the database, and nothing a client did not send.
 */
class LiveSubmissionsProcessesPostgresIT {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubmissionsProcessesPostgresIT.class);

    @TempDir
    Path dir;

    @Test
    void shouldStoreEveryAcknowledgedSaveWhenANodeProcessIsKilledDuringABurst() throws Exception {
        String jdbcUrl = PostgresDatabases.create("live_kill9_" + System.nanoTime());
        try (NodeProcesses nodes = NodeProcesses.start(3, "live-kill9", dir, jdbcUrl)) {
            ExamSaveBurst burst = new ExamSaveBurst(nodes.baseUrls(), "k" + System.nanoTime());
            burst.prepare(IntStream.of(1, 2, 5, 6, 7, 8).mapToObj(i -> "student" + i).toList(), "demo");

            burst.run(30, 45, () -> nodes.kill(2));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(burst.rowsIn(jdbcUrl).keySet()).containsAll(burst.acknowledged().keySet()));
            burst.assertDatabaseMatches(burst.rowsIn(jdbcUrl));
            assertThat(burst.acknowledged()).hasSize(6 * 30);
            LOG.info("Burst across processes: {} saves acknowledged, {} retries after failures, {} replays",
                    burst.acknowledged().size(), burst.retries(), burst.replays());
        }
    }
}
