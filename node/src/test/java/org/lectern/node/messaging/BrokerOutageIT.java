package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.NodeStatusBoard;
import org.lectern.node.messaging.SequencedStompClient.Received;
import org.lectern.node.messaging.SequencedStompClient.Tick;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node whose external broker goes away: REST keeps working, health and gauge say the broker is down, browsers
 * keep their WebSockets (they end at the node, not at the broker), and once the broker is back on the same port the
 * node reconnects by itself and delivers what was published meanwhile: in order, none twice.
 */
class BrokerOutageIT {

    private static final String SYSTEM = "/topic/system";
    private static final int STOMP_PORT = FreePorts.next();

    @TempDir
    static Path dataDir;

    private static EmbeddedActiveMQ broker;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void startBrokerAndNode() throws Exception {
        broker = ExternalBroker.start(STOMP_PORT, dataDir.resolve("external-broker"));
        node = TestNodes.startAlone("outage-node", dataDir, Map.of(
                "lectern.broker.embedded", "false",
                "lectern.broker.stomp-port", STOMP_PORT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void shouldKeepTheBrowserConnectedAndDeliverWhatWasPublishedDuringTheOutageInOrderOnce() throws Exception {
        LecternClient http = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(node));
        ReliableMessaging messaging = node.getBean(ReliableMessaging.class);
        String admin = http.tokenFor("admin", "demo");
        String student = http.tokenFor("student1", "demo");
        awaitBroker(http, true);

        try (SequencedStompClient client = SequencedStompClient.connect(TestNodes.httpPort(node), student)) {
            BlockingQueue<Received> live = client.subscribeSequenced(SYSTEM);
            messaging.publish(SYSTEM, new Tick(1));
            Received before = live.poll(20, TimeUnit.SECONDS);
            assertThat(before).isNotNull();
            long lastSeq = before.envelope().seq();

            broker.stop();
            awaitBroker(http, false);
            assertThat(http.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            HttpResponse<String> saved = http.post("/api/admin/notifications", admin,
                    "{\"recipient\":\"student1\",\"title\":\"During the outage\",\"text\":\"still saved\"}");
            assertThat(saved.statusCode()).isEqualTo(202);
            assertThat(http.get("/api/notifications", student).body()).contains("During the outage");
            messaging.publish(SYSTEM, new Tick(2));
            messaging.publish(SYSTEM, new Tick(3));

            broker = ExternalBroker.start(STOMP_PORT, dataDir.resolve("external-broker"));
            awaitBroker(http, true);
            messaging.publish(SYSTEM, new Tick(4));

            List<Received> after = new ArrayList<>();
            for (int n = 2; n <= 4; n++) {
                Received next = live.poll(20, TimeUnit.SECONDS);
                assertThat(next).as("tick %d", n).isNotNull();
                after.add(next);
            }
            assertThat(after).extracting(Received::tick).containsExactly(2, 3, 4);
            assertThat(after).extracting(message -> message.envelope().seq())
                    .containsExactly(lastSeq + 1, lastSeq + 2, lastSeq + 3);
            // Nothing twice: the next message after them is the next one published.
            messaging.publish(SYSTEM, new Tick(5));
            Received last = live.poll(20, TimeUnit.SECONDS);
            assertThat(last).isNotNull();
            assertThat(last.tick()).isEqualTo(5);
            assertThat(client.isConnected()).as("the browser's session outlived the broker's restart").isTrue();
        }
    }

    private static void awaitBroker(LecternClient http, boolean available) {
        MeterRegistry meters = node.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = http.get("/actuator/health/broker", null);
            assertThat(health.statusCode()).isEqualTo(available ? 200 : 503);
            assertThat(LecternClient.json(health).get("status").asString()).isEqualTo(available ? "UP" : "DOWN");
            assertThat(meters.get(BrokerHealthIndicator.GAUGE).gauge().value()).isEqualTo(available ? 1.0 : 0.0);
            // What the console shows: the node's own status record in the cluster.
            assertThat(node.getBean(NodeStatusBoard.class).all()).extracting(NodeStatus::brokerConnected)
                    .containsOnly(available);
        });
    }

}
