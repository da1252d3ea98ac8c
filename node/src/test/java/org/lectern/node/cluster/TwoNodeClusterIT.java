package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.LecternNodeApplication;
import org.lectern.node.support.FreePorts;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.StompTestClient;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes in one JVM form one cluster: their statuses are visible to a Hazelcast client (what the console
 * is), a message sent on one node reaches a student connected to the other through the broker, a token logged
 * out on one node is refused on the other, and a node that stops leaves the board.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final String CLUSTER = "two-node-it-" + FreePorts.next();
    private static final int MEMBER_PORT_A = FreePorts.next();
    private static final int MEMBER_PORT_B = FreePorts.next();
    private static final int STOMP_PORT = FreePorts.next();
    private static final String SHARED_TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static HazelcastInstance console;

    @BeforeAll
    static void startCluster() {
        String members = "127.0.0.1:" + MEMBER_PORT_A + ",127.0.0.1:" + MEMBER_PORT_B;
        // Node A embeds the broker; node B uses it as an external one, as every node of a real cluster does.
        nodeA = start("node-a", MEMBER_PORT_A, members, Map.of(
                "lectern.broker.embedded", "true",
                "lectern.broker.password", "it-broker-secret"));
        nodeB = start("node-b", MEMBER_PORT_B, members, Map.of(
                "lectern.broker.embedded", "false",
                "lectern.broker.password", "it-broker-secret"));

        ClientConfig clientConfig = new ClientConfig();
        clientConfig.setClusterName(CLUSTER);
        clientConfig.getNetworkConfig().addAddress("127.0.0.1:" + MEMBER_PORT_A);
        console = HazelcastClient.newHazelcastClient(clientConfig);
    }

    @AfterAll
    static void stopCluster() {
        if (console != null) {
            console.shutdown();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void shouldFormOneClusterOfTwoMembers() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(console.getCluster().getMembers()).hasSize(2));
    }

    @Test
    @Order(2)
    void shouldShowBothNodesStatusesToAClient() {
        IMap<String, NodeStatus> statuses = console.getMap(ClusterStructures.NODE_STATUS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(statuses.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
            assertThat(statuses.values()).allSatisfy(status -> {
                assertThat(status.state()).isEqualTo(NodeState.READY);
                assertThat(status.weight()).isEqualTo(1);
                assertThat(status.httpAddress()).startsWith("127.0.0.1:");
            });
        });
        assertThat(statuses.values()).extracting(NodeStatus::memberUuid).containsExactlyInAnyOrderElementsOf(
                console.getCluster().getMembers().stream().map(member -> member.getUuid().toString()).toList());
    }

    @Test
    @Order(3)
    void shouldDeliverAMessageSentOnOneNodeToAStudentOnTheOther() throws Exception {
        LecternClient onA = new LecternClient("http://127.0.0.1:" + httpPort(nodeA));
        String studentToken = onA.tokenFor("student1", "demo");
        String adminToken = onA.tokenFor("admin", "demo");

        try (StompTestClient studentOnB = StompTestClient.connect(httpPort(nodeB), studentToken)) {
            BlockingQueue<Notification> inbox = studentOnB.subscribeSequenced(
                    Destinations.subscriptionFor(Destinations.PERSONAL_NOTIFICATIONS), Notification.class);

            onA.post("/api/admin/notifications", adminToken,
                    "{\"recipient\":\"student1\",\"title\":\"From node A\",\"text\":\"across the broker\"}");

            Notification received = inbox.poll(20, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            assertThat(received.title()).isEqualTo("From node A");
        }
    }

    @Test
    @Order(4)
    void shouldRefuseOnOneNodeATokenLoggedOutOnTheOther() {
        LecternClient onA = new LecternClient("http://127.0.0.1:" + httpPort(nodeA));
        LecternClient onB = new LecternClient("http://127.0.0.1:" + httpPort(nodeB));
        String token = onA.tokenFor("student1", "demo");
        assertThat(onB.get("/api/courses", token).statusCode()).isEqualTo(200);

        assertThat(onA.post("/api/auth/logout", token, "").statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(onB.get("/api/courses", token).statusCode()).isEqualTo(401));
    }

    @Test
    @Order(5)
    void shouldTakeAStoppedNodeOffTheBoard() {
        nodeB.close();
        nodeB = null;
        IMap<String, NodeStatus> statuses = console.getMap(ClusterStructures.NODE_STATUS);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(statuses.keySet()).containsExactly("node-a");
            assertThat(console.getCluster().getMembers()).hasSize(1);
        });
    }

    private static ConfigurableApplicationContext start(String nodeId, int memberPort, String members,
            Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "server.port", "0",
                "lectern.node.id", nodeId,
                "lectern.data-dir", dataDir.resolve(nodeId).toString(),
                "spring.datasource.url", "jdbc:h2:mem:" + nodeId + ";DB_CLOSE_DELAY=-1",
                "lectern.cluster.name", CLUSTER,
                "lectern.cluster.port", memberPort,
                "lectern.cluster.members", members,
                "lectern.broker.stomp-port", STOMP_PORT,
                "lectern.security.token-secret", SHARED_TOKEN_SECRET,
                "lectern.demo.seed-accounts", "true"));
        properties.putAll(extra);
        // As command-line arguments: they outrank application.yml, as an operator's settings do.
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LecternNodeApplication.class).run(args);
    }

    private static int httpPort(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
