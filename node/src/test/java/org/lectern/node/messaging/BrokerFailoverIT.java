package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.messaging.SequencedStompClient.Received;
import org.lectern.node.messaging.SequencedStompClient.Tick;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An external broker given as a list, primary first: with nothing answering at the first address (the primary is
 * down, its backup took over), the node's relay moves on to the second and real-time messages flow.
 */
class BrokerFailoverIT {

    private static final String SYSTEM = "/topic/system";
    private static final int DEAD_PRIMARY_PORT = FreePorts.next();
    private static final int BACKUP_PORT = FreePorts.next();

    @TempDir
    static Path dataDir;

    private static EmbeddedActiveMQ backup;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void startBackupAndNode() throws Exception {
        backup = ExternalBroker.start(BACKUP_PORT, dataDir.resolve("backup-broker"));
        node = TestNodes.startAlone("failover-node", dataDir, Map.of(
                "lectern.broker.embedded", "false",
                "lectern.broker.addresses", "127.0.0.1:" + DEAD_PRIMARY_PORT + ",127.0.0.1:" + BACKUP_PORT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (backup != null) {
            backup.stop();
        }
    }

    @Test
    void shouldMoveOnToTheNextAddressWhenTheFirstRefuses() throws Exception {
        LecternClient http = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(node));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/actuator/health/broker", null).statusCode()).isEqualTo(200));

        String student = http.tokenFor("student1", "demo");
        SequencedStompClient client = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> SequencedStompClient.connect(TestNodes.httpPort(node), student), connected -> true);
        try (client) {
            BlockingQueue<Received> live = client.subscribeSequenced(SYSTEM);
            node.getBean(ReliableMessaging.class).publish(SYSTEM, new Tick(7));

            Received received = live.poll(20, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            assertThat(received.tick()).isEqualTo(7);
        }
    }
}
