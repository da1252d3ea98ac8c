package org.lectern.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.console.members.MemberRow;
import org.lectern.console.overview.ConsoleAlert;
import org.lectern.console.support.ConsoleWindow;
import org.lectern.console.support.ContractNode;
import org.lectern.console.support.Screenshots;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.TaskState;
import org.lectern.shared.testing.FreePorts;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console, headless, against real Hazelcast members that play the nodes' part of the contract: members fill,
 * a weight change and a drain go out as signed commands from the UI and show up, the scheduler changes hands, a
 * killed member raises an event and a notification. Saves the screenshots the documentation shows.
 */
class ConsoleOperationsIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** Base64 of 32 random bytes, as the nodes generate it. */
    static final String SECRET = Base64.getEncoder().encodeToString(
            (UUID.randomUUID() + "-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));

    private final String clusterName = "console-ops-" + UUID.randomUUID();
    private final List<ContractNode> nodes = new ArrayList<>();
    private final FxRobot robot = new FxRobot();
    private final ConsoleWindow window = new ConsoleWindow(robot);
    private Application console;
    private ContractNode nodeA;
    private ContractNode nodeB;

    @TempDir
    Path temporary;

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startClusterAndConsole() throws Exception {
        int portA = FreePorts.next();
        nodeA = node("node-a", portA, portA, new NodeLoad(40, 31, 2.5, 35, 300L << 20, 1024L << 20, 0.21, 0, 1, 12));
        nodeB = node("node-b", FreePorts.next(), portA, new NodeLoad(38, 30, 9.0, 180, 410L << 20, 1024L << 20, 0.35, 2, 1, 9));
        nodeA.takeScheduler();
        var live = nodeA.member().<String, String>getMap(ClusterStructures.LIVE_SUBMISSIONS);
        for (int i = 0; i < 40; i++) {
            live.set("submission-" + i, "answer " + i);
        }
        var tasks = nodeA.member().<String, ScheduledTaskView>getMap(ClusterStructures.SCHEDULED_TASKS);
        long now = System.currentTimeMillis();
        tasks.set("t1", new ScheduledTaskView("t1", "quiz.end", "quiz 7", now + 600_000, TaskState.SCHEDULED, 0, "", 0, ""));
        tasks.set("t2", new ScheduledTaskView("t2", "exam.close", "exam 3", now - 60_000, TaskState.DONE, now - 59_000,
                "node-a", 1, ""));

        Path credential = temporary.resolve("operator-credential");
        Files.writeString(credential, SECRET + "\n", StandardCharsets.UTF_8);
        // The console reopens the view it showed last; these tests start on Members, whatever ran before.
        Preferences.userNodeForPackage(LecternConsoleApp.class).node("window").removeNode();
        console = FxToolkit.setupApplication(LecternConsoleApp.class, "--address", "127.0.0.1:" + portA,
                "--cluster", clusterName, "--operator", "olga", "--credential-file", credential.toString());
        FxToolkit.showStage();
    }

    @AfterEach
    void stopEverything() throws TimeoutException {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
        }
        FxToolkit.cleanupStages();
        nodes.forEach(ContractNode::close);
    }

    @Test
    void shouldOpenOnTheOverviewSayingAllIsWellWithTheNodesFigures() throws Exception {
        // The first screen on a first start; earlier tests here leave another view in the saved layout.
        window.show(1);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(window.labelText("#overview-verdict")).isEqualTo("All is well");
            assertThat(window.labelText("#overview-nodes")).isEqualTo("2 ready · 0 draining · 0 missing");
            assertThat(window.labelText("#overview-sessions")).isEqualTo("78 sessions · 61 users");
            assertThat(window.labelText("#overview-saves")).isEqualTo("11.5 saves/s");
            assertThat(window.labelText("#overview-save-p95")).isEqualTo("180 ms / target 500 ms (worst: node-b)");
            assertThat(window.labelText("#overview-safety")).startsWith("Cluster safe");
        });
        Screenshots.save(window.scene(), "overview-cluster");

        robot.clickOn("#overview-nodes");

        assertThat(robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void shouldDrainFromTheUiWithSignedCommandsAndShowTheSchedulerMoving() throws Exception {
        window.show(2);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(shownNodeIds()).containsExactly("node-a", "node-b");
            assertThat(window.cellTexts("#members-table")).contains("scheduler · oldest", "1.4.0", "31", "180 ms");
        });
        // node-b saves four times as often and six times as slowly as average: flagged as deviating.
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.cellTexts("#members-table"))
                .anyMatch(text -> text.startsWith("saves/s 9.0 vs. average")));
        window.select("node-a");
        Screenshots.save(window.scene(), "members");

        robot.clickOn("#drain-button");
        String confirmation = ConsoleWindow.onFx(() -> robot.lookup("#drain-confirmation .content").queryLabeled().getText());
        assertThat(confirmation).contains("40 sessions (31 users)", "It owns the scheduler", "node-b");
        robot.clickOn("Drain");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(nodeA.state()).isEqualTo(NodeState.DRAINED));
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(window.cellTexts("#members-table")).contains("DRAINED");
            assertThat(badgesOf("node-b")).contains("scheduler");
        });
        OperatorCommand drain = nodeA.received().get(0);
        assertThat(drain.kind()).isEqualTo(CommandKind.DRAIN);
        assertThat(drain.operator()).isEqualTo("olga");
        assertThat(OperatorSignatures.verify(drain, OperatorSignatures.credentialFromText(SECRET))).isTrue();

        window.show(3);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.cellTexts("#operations-table")).contains("Drain node-a", "COMPLETED"));
        Screenshots.save(window.scene(), "operations");
        window.show(10);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.cellTexts("#audit-table"))
                .contains("olga", "DRAIN", "node-a", "COMPLETED"));
        window.show(5);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(window.labelText("#scheduler-owner")).startsWith("node-b owns the scheduler (epoch 2");
            assertThat(window.cellTexts("#tasks-table")).contains("quiz.end", "exam.close");
            assertThat(window.cellTexts("#scheduler-history")).contains("node-a", "node-b");
        });
        Screenshots.save(window.scene(), "scheduler");
        window.show(4);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.labelText("#cluster-safe"))
                .startsWith("Cluster safe: every live submission (40)"));
        Screenshots.save(window.scene(), "replicas");
    }

    @Test
    void shouldShowWeightChangeSentFromTheUi() throws Exception {
        window.show(2);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(shownNodeIds()).containsExactly("node-a", "node-b"));
        window.select("node-b");

        robot.clickOn("#weight-button");
        robot.interact(() -> robot.lookup("#weight-input").queryAs(TextField.class).setText("42"));
        robot.clickOn("OK");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(weightOf("node-b")).isEqualTo(42));
        OperatorCommand command = nodeB.received().get(0);
        assertThat(command.kind()).isEqualTo(CommandKind.SET_WEIGHT);
        assertThat(command.argument()).isEqualTo("42");
        assertThat(OperatorSignatures.verify(command, OperatorSignatures.credentialFromText(SECRET))).isTrue();
    }

    @Test
    void shouldRaiseEventAndNotificationWhenMemberIsKilled() throws Exception {
        await().atMost(WITHIN).untilAsserted(() -> assertThat(shownNodeIds()).containsExactly("node-a", "node-b"));
        window.show(6);

        nodeB.kill();

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(window.cellTexts("#events-table")).contains("MEMBER_LEFT", "WARNING");
            assertThat(robot.lookup(".notification-bar").tryQuery()).isPresent();
        });
        Screenshots.save(window.scene(), "events");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(shownNodeIds()).containsExactly("node-a"));
        // It did not stop in order: after the threshold (5 s) the overview raises a CRITICAL alert.
        TableView<ConsoleAlert> alerts = robot.lookup("#alerts-table").queryTableView();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(ConsoleWindow.onFx(() -> List.copyOf(alerts.getItems())))
                .anySatisfy(alert -> assertThat(alert.key()).isEqualTo("NODE_MISSING/node-b")));
        window.show(1);
        assertThat(window.labelText("#overview-nodes")).contains("1 missing");
        Screenshots.save(window.scene(), "overview-alert");
    }

    private ContractNode node(String nodeId, int port, int joinPort, NodeLoad load) {
        ContractNode node = new ContractNode(clusterName, nodeId, port, joinPort, SECRET, load);
        nodes.add(node);
        return node;
    }

    private List<String> shownNodeIds() throws Exception {
        return window.members().stream().map(MemberRow::nodeId).toList();
    }

    private int weightOf(String nodeId) throws Exception {
        return window.member(nodeId).orElseThrow().weightProperty().get();
    }

    private String badgesOf(String nodeId) throws Exception {
        return window.member(nodeId).orElseThrow().badgesProperty().get();
    }
}
