package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.nio.file.Path;
import java.time.Duration;
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
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.StompTestClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes in one JVM form one cluster: their statuses are visible to a Hazelcast client (what the console
 * is), a message sent on one node reaches a student connected to the other through the broker, a token logged
 * out on one node is refused on the other, and a node that stops leaves the board.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {


    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static HazelcastInstance console;

    @BeforeAll
    static void startCluster() {
        // Node A embeds the broker; node B uses it as an external one, as every node of a real cluster does.
        nodes = TestNodes.startPair("node-a", "node-b", dataDir, Map.of());
        nodeA = nodes.a();
        nodeB = nodes.b();

        ClientConfig clientConfig = new ClientConfig();
        clientConfig.setClusterName(nodes.clusterName());
        clientConfig.getNetworkConfig().addAddress("127.0.0.1:" + nodes.memberPortA());
        console = HazelcastClient.newHazelcastClient(clientConfig);
    }

    @AfterAll
    static void stopCluster() {
        if (console != null) {
            console.shutdown();
        }
        if (nodes != null) {
            nodes.close();
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
        LecternClient onA = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(nodeA));
        String studentToken = onA.tokenFor("student1", "demo");
        String adminToken = onA.tokenFor("admin", "demo");

        try (StompTestClient studentOnB = StompTestClient.connect(TestNodes.httpPort(nodeB), studentToken)) {
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
        LecternClient onA = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(nodeA));
        LecternClient onB = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(nodeB));
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


}
