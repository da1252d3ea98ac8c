package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.messaging.SequencedStompClient.Received;
import org.lectern.node.messaging.SequencedStompClient.Tick;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.realtime.ControlMessage;
import org.lectern.shared.realtime.ControlType;
import org.lectern.shared.realtime.Realtime;
import org.lectern.shared.realtime.ReplayOutcome;
import org.lectern.shared.realtime.ReplayRequest;
import org.lectern.shared.realtime.ReplayResponse;
import org.lectern.shared.realtime.Sequenced;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes sharing node A's broker and one Hazelcast cluster: a client that loses its connection mid-burst
 * catches up through the other node, exactly once and in order; beyond the log's bound it is told to reload;
 * control messages reach only the sessions of the node that sends them; and the log outlives a node's death.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

    private static final int MAX_MESSAGES = 20;
    private static final String SYSTEM = "/topic/system";

    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        nodes = TestNodes.startPair("node-a", "node-b", dataDir,
                Map.of("lectern.realtime.replay.max-messages", MAX_MESSAGES));
        nodeA = nodes.a();
        nodeB = nodes.b();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                nodeA.getBean(HazelcastInstance.class).getCluster().getMembers().size() == 2);
    }

    @AfterAll
    static void stopCluster() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void shouldDeliverEveryMessageExactlyOnceInOrderWhenAClientReconnectsToTheOtherNodeMidBurst() throws Exception {
        String token = clientOf(nodeA).tokenFor("student1", "demo");
        ReliableMessaging onA = nodeA.getBean(ReliableMessaging.class);
        ReliableMessaging onB = nodeB.getBean(ReliableMessaging.class);
        int burst = 30;
        ClientSequence handled = new ClientSequence();
        List<Received> live = new ArrayList<>();

        CompletableFuture<Void> publishing;
        SequencedStompClient first = SequencedStompClient.connect(TestNodes.httpPort(nodeA), token);
        try {
            BlockingQueue<Received> arriving = first.subscribeSequenced(SYSTEM);
            // Both nodes publish, alternately: the sequence is the destination's, not a node's.
            publishing = CompletableFuture.runAsync(() -> IntStream.rangeClosed(1, burst / 2).forEach(n ->
                    (n % 2 == 0 ? onB : onA).publish(SYSTEM, new Tick(n))));
            // Closed once at least ten arrived: the log keeps the last 20 of 30, so a replay from seq 10 on is whole.
            await().atMost(Duration.ofSeconds(20)).until(() -> arriving.size() >= burst / 3);
            first.close(); // the connection is lost mid-burst
            arriving.drainTo(live);
        } finally {
            first.close();
        }
        publishing.get(30, TimeUnit.SECONDS);
        // The second half surely after the connection is gone, whenever the first half raced the close.
        IntStream.rangeClosed(burst / 2 + 1, burst)
                .forEach(n -> (n % 2 == 0 ? onB : onA).publish(SYSTEM, new Tick(n)));
        assertThat(live).isNotEmpty().allSatisfy(message -> {
            assertThat(message.seqHeader()).isEqualTo(Long.toString(message.envelope().seq()));
            assertThat(message.envelope().destination()).isEqualTo(SYSTEM);
        });
        assertThat(live).extracting(message -> message.envelope().seq()).doesNotHaveDuplicates();
        live.forEach(message -> handled.accept(message.envelope()));
        assertThat(handled.lastSeq()).isPositive().isLessThan(burst);

        try (SequencedStompClient second = SequencedStompClient.connect(TestNodes.httpPort(nodeB), token)) {
            second.subscribeSequenced(SYSTEM);
            BlockingQueue<ReplayResponse<Map<String, Object>>> replies = second.subscribeReplays();
            second.askReplay(SYSTEM, handled.lastSeq());

            ReplayResponse<Map<String, Object>> reply = replies.poll(20, TimeUnit.SECONDS);
            assertThat(reply).isNotNull();
            assertThat(reply.outcome()).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(reply.reload()).isFalse();
            assertThat(reply.latestSeq()).isEqualTo(burst);
            assertThat(reply.messages()).extracting(Sequenced::seq).first().isEqualTo(handled.lastSeq() + 1);
            reply.messages().forEach(handled::accept);
        }

        assertThat(handled.inOrder()).extracting(Sequenced::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, burst).boxed().toList());
        assertThat(handled.inOrder()).extracting(message -> message.payload().get("n"))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, burst).boxed().toList());
    }

    @Test
    @Order(2)
    void shouldSequencePersonalDestinationsPerUserAndAskForAReloadBeyondTheBound() throws Exception {
        ReliableMessaging onA = nodeA.getBean(ReliableMessaging.class);
        String personal = "/queue/results";
        String token = clientOf(nodeB).tokenFor("student2", "demo");

        try (SequencedStompClient student = SequencedStompClient.connect(TestNodes.httpPort(nodeB), token)) {
            BlockingQueue<Received> live = student.subscribeSequenced("/user" + personal);
            BlockingQueue<ReplayResponse<Map<String, Object>>> replies = student.subscribeReplays();
            onA.publish("/user/student1" + personal, new Tick(0)); // another user's sequence
            int published = MAX_MESSAGES + 5;
            IntStream.rangeClosed(1, published).forEach(n -> onA.publish("/user/student2" + personal, new Tick(n)));

            await().atMost(Duration.ofSeconds(20)).until(() -> live.size() == published);
            Received first = live.peek();
            assertThat(first.envelope()).extracting(Sequenced::destination, Sequenced::seq)
                    .containsExactly("/user" + personal, 1L);
            assertThat(first.seqHeader()).isEqualTo("1");

            student.askReplay("/user" + personal, 4); // seqs 6..25 are kept: 5 is missing
            ReplayResponse<Map<String, Object>> reload = replies.poll(20, TimeUnit.SECONDS);
            assertThat(reload).isNotNull();
            assertThat(reload.outcome()).isEqualTo(ReplayOutcome.RELOAD);
            assertThat(reload.reload()).isTrue();
            assertThat(reload.reason()).isNotBlank();
            assertThat(reload.latestSeq()).isEqualTo(published);
            assertThat(reload.messages()).isEmpty();

            student.askReplay("/user" + personal, 5);
            ReplayResponse<Map<String, Object>> replayed = replies.poll(20, TimeUnit.SECONDS);
            assertThat(replayed).isNotNull();
            assertThat(replayed.outcome()).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(replayed.messages()).extracting(Sequenced::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(6, published).boxed().toList());
            assertThat(replayed.messages()).extracting(message -> message.payload().get("n"))
                    .containsExactlyElementsOf(IntStream.rangeClosed(6, published).boxed().toList());
        }
    }

    @Test
    @Order(3)
    void shouldRejectAReplayOfADestinationTheCallerMayNotRead() throws Exception {
        nodeA.getBean(ReliableMessaging.class).publish("/user/student1/queue/errors", new Tick(1));
        String token = clientOf(nodeA).tokenFor("student2", "demo");

        try (SequencedStompClient student = SequencedStompClient.connect(TestNodes.httpPort(nodeA), token)) {
            BlockingQueue<ReplayResponse<Map<String, Object>>> replies = student.subscribeReplays();
            for (String destination : List.of("/user/student1/queue/errors", "/topic/courses/1/instructors",
                    "/queue/errors", "/app/replay")) {
                student.askReplay(destination, 0);
                ReplayResponse<Map<String, Object>> reply = replies.poll(20, TimeUnit.SECONDS);
                assertThat(reply).as(destination).isNotNull();
                assertThat(reply.outcome()).as(destination).isEqualTo(ReplayOutcome.REJECTED);
                assertThat(reply.messages()).as(destination).isEmpty();
            }
            student.askReplay("/user/queue/errors", 0); // their own: never written, so nothing missed
            ReplayResponse<Map<String, Object>> own = replies.poll(20, TimeUnit.SECONDS);
            assertThat(own.outcome()).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(own.latestSeq()).isZero();
            assertThat(own.messages()).isEmpty();
        }
    }

    @Test
    @Order(4)
    void shouldTellOnlyTheSessionsOfThisNodeToReconnectElsewhere() throws Exception {
        LecternClient httpA = clientOf(nodeA);
        String student = httpA.tokenFor("student1", "demo");
        String admin = httpA.tokenFor("admin", "demo");

        // The same user on both nodes: only the session on node A is this node's.
        try (SequencedStompClient onA = SequencedStompClient.connect(TestNodes.httpPort(nodeA), student);
                SequencedStompClient onB = SequencedStompClient.connect(TestNodes.httpPort(nodeB), student)) {
            BlockingQueue<ControlMessage> controlA = onA.subscribe("/user" + Realtime.CONTROL_QUEUE,
                    ControlMessage.class);
            BlockingQueue<ControlMessage> controlB = onB.subscribe("/user" + Realtime.CONTROL_QUEUE,
                    ControlMessage.class);

            assertThat(httpA.post("/api/admin/nodes/self/reconnect-clients?windowSeconds=30", student, "")
                    .statusCode()).isEqualTo(403);
            assertThat(httpA.post("/api/admin/nodes/self/reconnect-clients?windowSeconds=0", admin, "")
                    .statusCode()).isEqualTo(400);
            assertThat(controlA).isEmpty();

            var accepted = httpA.post("/api/admin/nodes/self/reconnect-clients?windowSeconds=30", admin, "");
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(LecternClient.json(accepted).get("reconnectWithinMillis").asLong()).isEqualTo(30_000);
            assertThat(LecternClient.json(accepted).get("sessions").asInt()).isEqualTo(1);

            ControlMessage received = controlA.poll(20, TimeUnit.SECONDS);
            assertThat(received).isEqualTo(ControlMessage.reconnectElsewhere(30_000,
                    "requested by an administrator"));

            // Node B's own order arrives after node A's would have, through the same broker: B saw only its own.
            nodeB.getBean(ClientControl.class).reconnectElsewhere(Duration.ofSeconds(5), "node B drains");
            ControlMessage ofB = controlB.poll(20, TimeUnit.SECONDS);
            assertThat(ofB).isNotNull();
            assertThat(ofB.reason()).isEqualTo("node B drains");
            assertThat(controlB).isEmpty();
            assertThat(controlA).isEmpty();
        }
    }

    @Test
    @Order(5)
    void shouldKeepTheReplayLogWhenTheNodeHoldingItDies() {
        ReliableMessaging onA = nodeA.getBean(ReliableMessaging.class);
        int users = 40;
        // Forty logs spread over the partitions: some are surely owned by node A.
        IntStream.range(0, users).forEach(user -> IntStream.rangeClosed(1, 3)
                .forEach(n -> onA.publish("/user/survivor" + user + "/queue/results", new Tick(n))));

        // The promise is one node's death once every partition has its backup: right after a member joins, the
        // migrations that place them may still run (slowly on two busy cores), and a death then loses data anyway.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                nodeB.getBean(HazelcastInstance.class).getPartitionService().isClusterSafe());
        nodeA.getBean(HazelcastInstance.class).getLifecycleService().terminate(); // dies: no migration
        nodeA.close();
        nodeA = null;

        ReliableMessaging onB = nodeB.getBean(ReliableMessaging.class);
        IntStream.range(0, users).forEach(user -> {
            Principal survivor = () -> "survivor" + user;
            ReplayResponse<?> reply = onB.replay(survivor, new ReplayRequest("/user/queue/results", 0));
            assertThat(reply.outcome()).as("survivor%d", user).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(reply.messages()).as("survivor%d", user).extracting(Sequenced::seq)
                    .containsExactly(1L, 2L, 3L);
        });
    }

    /**
     * A client following the documented rules: duplicates ignored, messages after a gap held back until the gap
     * is filled, so {@link #lastSeq()} is what it asks a replay from.
     */
    private static final class ClientSequence {

        private final List<Sequenced<Map<String, Object>>> handled = new ArrayList<>();
        private final TreeMap<Long, Sequenced<Map<String, Object>>> heldBack = new TreeMap<>();
        private long lastSeq;

        void accept(Sequenced<Map<String, Object>> message) {
            if (message.seq() <= lastSeq || heldBack.putIfAbsent(message.seq(), message) != null) {
                return; // a duplicate, e.g. held back live and then replayed
            }
            while (heldBack.containsKey(lastSeq + 1)) {
                handled.add(heldBack.remove(++lastSeq));
            }
        }

        long lastSeq() {
            return lastSeq;
        }

        List<Sequenced<Map<String, Object>>> inOrder() {
            assertThat(heldBack).as("messages after a gap that was never filled").isEmpty();
            return handled;
        }
    }

    private static LecternClient clientOf(ConfigurableApplicationContext node) {
        return new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(node));
    }

}
