package org.lectern.node.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.messaging.ClientControl;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.support.DemoWork;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.OperatorConsole;
import org.lectern.node.support.StompTestClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;

/**
 * Draining node B of two, ordered by a console through the cluster: under load (students connected to B and saving
 * there) they are told to reconnect to A and keep saving without a single failure, B reaches DRAINED with a report,
 * and an undrain makes it READY again; an undrain also stops a drain half-way; STOP is refused unless drained.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrainIT {

    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final Duration SESSION_DEADLINE = Duration.ofSeconds(15);
    private static final Duration ANSWER = Duration.ofSeconds(20);
    /** Students of the demo course EIST (student3 and student4 are not). */
    private static final List<String> STUDENTS = List.of("student1", "student2", "student5", "student6",
            "student7", "student8");

    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static OperatorConsole console;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startCluster() {
        Map<String, Object> settings = new HashMap<>(OperatorConsole.nodeSettings());
        settings.put("lectern.drain.reconnect-window", WINDOW.toMillis() + "ms");
        settings.put("lectern.drain.session-deadline", SESSION_DEADLINE.toMillis() + "ms");
        settings.put("lectern.drain.request-deadline", "10s");
        // One database, as in a real cluster: a student's work saved on B is there on A.
        settings.put("spring.datasource.url", "jdbc:h2:mem:drain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        nodes = TestNodes.startPair("drain-a", "drain-b", dataDir, settings);
        console = OperatorConsole.connect(nodes.clusterName(), nodes.memberPortA());
        portA = TestNodes.httpPort(nodes.a());
        portB = TestNodes.httpPort(nodes.b());
    }

    @AfterAll
    static void stopCluster() {
        if (console != null) {
            console.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    private static NodeState stateOfB() {
        return nodes.b().getBean(NodeLifecycle.class).state();
    }

    private static int sessionsOnB() {
        return nodes.b().getBean(ClientControl.class).sessionCount();
    }

    private static String token(String login) {
        return new LecternClient("http://127.0.0.1:" + portA).tokenFor(login, "demo");
    }

    @Test
    @Order(1)
    void shouldRefuseToStopANodeThatIsNotDrained() {
        OperatorCommand stop = console.send(CommandKind.STOP, "drain-b", "");

        CommandResult result = console.awaitResult(stop, ANSWER, CommandOutcome.REJECTED);

        assertThat(result.message()).contains("only a DRAINED node stops");
        assertThat(stateOfB()).isEqualTo(NodeState.READY);
    }

    @Test
    @Order(2)
    void shouldReturnToReadyWhenUndrainedHalfWay() throws Exception {
        // A client that ignores the order to leave holds the drain in its client step until the deadline.
        try (StompTestClient stubborn = StompTestClient.connect(portB, token("student9"))) {
            await().atMost(ANSWER).until(() -> sessionsOnB() == 1);
            OperatorCommand drain = console.send(CommandKind.DRAIN, "drain-b", "");
            await().atMost(ANSWER).until(() -> console.result(drain) != null
                    && console.result(drain).message().contains("clients"));
            assertThat(stateOfB()).isEqualTo(NodeState.DRAINING);

            OperatorCommand undrain = console.send(CommandKind.UNDRAIN, "drain-b", "");

            console.awaitResult(undrain, ANSWER, CommandOutcome.COMPLETED);
            CommandResult drainResult = console.awaitResult(drain, ANSWER, CommandOutcome.FAILED);
            assertThat(drainResult.message()).contains("undrain");
            assertThat(stateOfB()).isEqualTo(NodeState.READY);
            assertThat(sessionsOnB()).as("the stubborn client was not closed").isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void shouldMoveSavingStudentsElsewhereWithoutAFailedSaveWhenDrainedUnderLoad() throws Exception {
        long exerciseId = DemoWork.textExerciseId(portA, token(STUDENTS.get(0)));
        List<MovingStudent> students = new ArrayList<>();
        Set<NodeState> statesSeen = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        try {
            for (String login : STUDENTS) {
                students.add(new MovingStudent(token(login), exerciseId, portB, portA));
            }
            await().atMost(ANSWER).until(() -> sessionsOnB() == STUDENTS.size());
            students.forEach(student -> student.startSaving(400));
            await().atMost(ANSWER).untilAsserted(() -> assertThat(students).allSatisfy(student -> assertThat(
                    student.savedHere()).as("saves, failed: %s", student.failures()).isGreaterThanOrEqualTo(2)));
            watcher.scheduleWithFixedDelay(() -> {
                var status = console.statuses().get("drain-b");
                if (status != null) {
                    statesSeen.add(status.state());
                }
            }, 0, 200, TimeUnit.MILLISECONDS);

            OperatorCommand drain = console.send(CommandKind.DRAIN, "drain-b", "");

            CommandResult drained = console.awaitResult(drain, Duration.ofSeconds(60), CommandOutcome.COMPLETED,
                    CommandOutcome.FAILED);
            assertThat(drained.outcome()).as(drained.message()).isEqualTo(CommandOutcome.COMPLETED);
            assertThat(drained.message()).contains("DRAINED in", STUDENTS.size() + " sessions told to reconnect",
                    "0 closed at the deadline", "no HTTP request in flight", "scheduler owned by drain-a",
                    "live submissions in the database, backups in sync");
            assertThat(stateOfB()).isEqualTo(NodeState.DRAINED);
            assertThat(sessionsOnB()).isZero();
            assertThat(students).allSatisfy(student -> {
                assertThat(student.wasTold()).isTrue();
                assertThat(student.movedElsewhere()).isTrue();
            });
            await().atMost(ANSWER).until(() -> students.stream().allMatch(student -> student.savedElsewhere() >= 2));
            await().atMost(ANSWER).untilAsserted(() ->
                    assertThat(statesSeen).contains(NodeState.DRAINING, NodeState.DRAINED));
        } finally {
            watcher.shutdownNow();
            students.forEach(MovingStudent::close);
        }
        assertThat(students).flatExtracting(MovingStudent::failures).as("failed saves").isEmpty();
        assertThat(console.events()).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo(ClusterEventKind.NODE_STATE_CHANGED);
            assertThat(event.message()).contains("DRAINED");
        });

        OperatorCommand undrain = console.send(CommandKind.UNDRAIN, "drain-b", "");

        assertThat(console.awaitResult(undrain, ANSWER, CommandOutcome.COMPLETED).message()).contains("READY");
        assertThat(stateOfB()).isEqualTo(NodeState.READY);
        await().atMost(ANSWER).untilAsserted(() ->
                assertThat(console.statuses().get("drain-b").state()).isEqualTo(NodeState.READY));
    }

    @Test
    @Order(4)
    void shouldCloseTheSessionsThatRemainAtTheDeadline() throws Exception {
        try (StompTestClient stubborn = StompTestClient.connect(portB, token("student9"))) {
            await().atMost(ANSWER).until(() -> sessionsOnB() == 1);

            OperatorCommand drain = console.send(CommandKind.DRAIN, "drain-b", "");

            CommandResult drained = console.awaitResult(drain, SESSION_DEADLINE.plus(ANSWER), CommandOutcome.COMPLETED);
            assertThat(drained.message()).contains("1 sessions told", "1 closed at the deadline", "0 left");
            assertThat(sessionsOnB()).isZero();
        }
        OperatorCommand undrain = console.send(CommandKind.UNDRAIN, "drain-b", "");
        console.awaitResult(undrain, ANSWER, CommandOutcome.COMPLETED);
    }

    @Test
    @Order(5)
    void shouldHandTheSchedulerOverWhenItsOwnerIsDrained() {
        // A, the older member, owns the scheduler.
        await().atMost(ANSWER).until(() -> nodes.a().getBean(DurableScheduler.class).isLocalOwner());

        OperatorCommand drain = console.send(CommandKind.DRAIN, "drain-a", "");

        CommandResult drained = console.awaitResult(drain, Duration.ofSeconds(60), CommandOutcome.COMPLETED);
        assertThat(drained.message()).contains("scheduler owned by drain-b");
        assertThat(nodes.a().getBean(DurableScheduler.class).isLocalOwner()).isFalse();
        assertThat(nodes.b().getBean(DurableScheduler.class).isLocalOwner()).isTrue();
        console.awaitResult(console.send(CommandKind.UNDRAIN, "drain-a", ""), ANSWER, CommandOutcome.COMPLETED);
    }

    @Test
    @Order(6)
    void shouldStopADrainedNodeGracefully() {
        OperatorCommand drain = console.send(CommandKind.DRAIN, "drain-b", "");
        console.awaitResult(drain, Duration.ofSeconds(60), CommandOutcome.COMPLETED);

        OperatorCommand stop = console.send(CommandKind.STOP, "drain-b", "");

        assertThat(console.awaitResult(stop, ANSWER, CommandOutcome.COMPLETED).message()).contains("stopping");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(nodes.b().isActive()).isFalse();
            assertThat(console.statuses().keySet()).containsExactly("drain-a");
        });
    }
}
