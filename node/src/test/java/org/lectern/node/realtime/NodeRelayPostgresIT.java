package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.messaging.ReliableMessaging;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.lectern.node.support.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three nodes on one database and one real Artemis broker (node 1's): browsers' sessions end at their node, and each
 * node holds one connection to the broker, however many sessions it carries. A student on node 1 with a second tab
 * on node 3, a classmate on node 1, the instructor and administrator on node 2.
 */
class NodeRelayPostgresIT {

    /** The demo's live quiz and its course. */
    private static final long DEMO_QUIZ = 1;
    private static final String COURSE_STUDENTS = "/topic/courses/1/students";
    private static final String NOTIFICATIONS = "/user/queue/notifications";
    private static final String SUBSCRIPTIONS_GAUGE = "lectern.relay.broker.subscriptions";
    private static final String PUBLISHED_METER = "lectern.relay.published";

    @TempDir
    static Path dataDir;

    private static TestCluster cluster;

    @BeforeAll
    static void startThreeNodes() {
        cluster = TestCluster.start(3, "relay", dataDir, PostgresDatabases.create("relay_" + System.nanoTime()));
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldCarryTheQuizStartAndPersonalMessagesAcrossNodesToEveryTabOfTheirUserOnly() throws Exception {
        String student = client(0).tokenFor("student1", "demo");
        String classmate = client(0).tokenFor("student2", "demo");
        String instructor = client(1).tokenFor("instructor", "demo");
        String admin = client(1).tokenFor("admin", "demo");
        BlockingQueue<String> tabOnNode1 = new LinkedBlockingQueue<>();
        BlockingQueue<String> tabOnNode3 = new LinkedBlockingQueue<>();
        BlockingQueue<String> classmateOnNode1 = new LinkedBlockingQueue<>();
        BlockingQueue<String> personalOnNode1 = new LinkedBlockingQueue<>();
        BlockingQueue<String> personalOnNode3 = new LinkedBlockingQueue<>();
        BlockingQueue<String> classmatePersonal = new LinkedBlockingQueue<>();

        try (StompProbe first = StompProbe.connect(port(0), student);
                StompProbe second = StompProbe.connect(port(2), student);
                StompProbe other = StompProbe.connect(port(0), classmate)) {
            assertThat(first.subscribe(COURSE_STUDENTS, tabOnNode1)).isEqualTo(Outcome.RECEIPT);
            assertThat(second.subscribe(COURSE_STUDENTS, tabOnNode3)).isEqualTo(Outcome.RECEIPT);
            assertThat(other.subscribe(COURSE_STUDENTS, classmateOnNode1)).isEqualTo(Outcome.RECEIPT);
            assertThat(first.subscribe(NOTIFICATIONS, personalOnNode1)).isEqualTo(Outcome.RECEIPT);
            assertThat(second.subscribe(NOTIFICATIONS, personalOnNode3)).isEqualTo(Outcome.RECEIPT);
            assertThat(other.subscribe(NOTIFICATIONS, classmatePersonal)).isEqualTo(Outcome.RECEIPT);

            assertThat(client(1).post("/api/quizzes/" + DEMO_QUIZ + "/start", instructor, "").statusCode())
                    .isEqualTo(200);
            for (BlockingQueue<String> inbox : List.of(tabOnNode1, tabOnNode3, classmateOnNode1)) {
                assertThat(inbox.poll(20, TimeUnit.SECONDS)).contains("\"quizId\":" + DEMO_QUIZ);
            }

            assertThat(client(1).post("/api/admin/notifications", admin,
                    "{\"recipient\":\"student1\",\"title\":\"For student1\",\"text\":\"both tabs\"}").statusCode())
                    .isEqualTo(202);
            assertThat(client(1).post("/api/admin/notifications", admin,
                    "{\"recipient\":\"student2\",\"title\":\"For student2\",\"text\":\"one tab\"}").statusCode())
                    .isEqualTo(202);

            assertThat(personalOnNode1.poll(20, TimeUnit.SECONDS)).contains("For student1");
            assertThat(personalOnNode3.poll(20, TimeUnit.SECONDS)).contains("For student1");
            // The classmate's own notification comes after student1's was published: had student1's reached
            // them, it would be first.
            assertThat(classmatePersonal.poll(20, TimeUnit.SECONDS)).contains("For student2");
            assertThat(personalOnNode1).isEmpty();
            assertThat(personalOnNode3).isEmpty();
        }
    }

    @Test
    void shouldHoldOneBrokerConnectionPerNodeWithOneSessionAndWithTwoHundred() throws Exception {
        EmbeddedActiveMQ broker = cluster.node(0).getBean(EmbeddedActiveMQ.class);
        List<String> tokens = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            tokens.add(client(n % 3).tokenFor("student" + n, "demo"));
        }
        List<StompProbe> sessions = new ArrayList<>();
        List<BlockingQueue<String>> inboxes = new ArrayList<>();
        try {
            sessions.add(StompProbe.connect(port(0), tokens.get(0)));
            inboxes.add(subscribed(sessions.get(0)));
            assertThat(broker.getActiveMQServer().getConnectionCount()).isEqualTo(3);

            for (int i = 1; i < 200; i++) {
                StompProbe session = StompProbe.connect(port(i % 3), tokens.get(i % tokens.size()));
                sessions.add(session);
                inboxes.add(subscribed(session));
            }
            assertThat(broker.getActiveMQServer().getConnectionCount()).isEqualTo(3);
            // Per node: the system topic once, plus one address per user it holds sessions of (20 users, each
            // with sessions on up to three nodes).
            for (int node = 0; node < 3; node++) {
                assertThat(gauge(node, SUBSCRIPTIONS_GAUGE)).isBetween(2.0, 21.0);
            }

            double publishedBefore = counter(1, PUBLISHED_METER);
            cluster.node(1).getBean(ReliableMessaging.class).publish("/topic/system",
                    Map.of("title", "To all 200"));
            for (BlockingQueue<String> inbox : inboxes) {
                assertThat(inbox.poll(20, TimeUnit.SECONDS)).contains("To all 200");
            }
            assertThat(counter(1, PUBLISHED_METER) - publishedBefore).isEqualTo(1.0);
        } finally {
            sessions.forEach(StompProbe::close);
        }
        // The last local subscriber gone, each node gives up its broker subscriptions.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                assertThat(gauge(node, SUBSCRIPTIONS_GAUGE)).as("node %d", node + 1).isZero();
            }
        });
        assertThat(broker.getActiveMQServer().getConnectionCount()).isEqualTo(3);
    }

    private static BlockingQueue<String> subscribed(StompProbe session) throws Exception {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        assertThat(session.subscribe("/topic/system", inbox)).isEqualTo(Outcome.RECEIPT);
        assertThat(session.subscribe(NOTIFICATIONS)).isEqualTo(Outcome.RECEIPT);
        return inbox;
    }

    private static double gauge(int node, String name) {
        return cluster.node(node).getBean(MeterRegistry.class).get(name).gauge().value();
    }

    private static double counter(int node, String name) {
        return cluster.node(node).getBean(MeterRegistry.class).get(name).counter().count();
    }

    private static LecternClient client(int node) {
        return new LecternClient(cluster.baseUrl(node));
    }

    private static int port(int node) {
        ConfigurableApplicationContext context = cluster.node(node);
        return TestNodes.httpPort(context);
    }
}
