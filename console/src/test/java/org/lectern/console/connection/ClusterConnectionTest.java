package org.lectern.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.shared.testing.FreePorts;

/** A real Hazelcast client that keeps trying a port nobody listens on: closing must not need the cluster. */
class ClusterConnectionTest {

    private final ClusterConnection connection = new ClusterConnection();

    @AfterEach
    void closeClient() {
        connection.close();
    }

    @Nested
    class ClosingInTheBackground {

        @Test
        void shouldShutTheClientDownOnTheExecutorNotOnTheCallingThread() {
            connection.connect(ConnectionSettings.parse("127.0.0.1:" + FreePorts.next(), "nobody"));
            List<Runnable> queued = new ArrayList<>();

            CompletableFuture<Void> closed = connection.closeInBackground(queued::add, Duration.ofSeconds(30));

            assertThat(closed).isNotDone();
            assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTING);
            queued.forEach(Runnable::run);
            assertThat(closed).isCompleted();
            assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
        }

        @Test
        void shouldTerminateTheClientWhenTheGracefulShutdownDoesNotFinishInTime() {
            connection.connect(ConnectionSettings.parse("127.0.0.1:" + FreePorts.next(), "nobody"));

            // An executor that never gets round to the graceful shutdown, as a worker stuck on a dead member.
            CompletableFuture<Void> closed = connection.closeInBackground(work -> { }, Duration.ofMillis(300));

            await().atMost(Duration.ofSeconds(10)).until(closed::isDone);
            assertThat(closed).isCompleted();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> connection.state() == ConnectionState.DISCONNECTED);
        }
    }
}
