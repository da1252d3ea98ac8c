package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.console.app.LecternConsoleApp;
import org.lectern.console.operations.Operation;
import org.lectern.console.operations.OperationState;
import org.lectern.console.overview.ConsoleAlert;
import org.lectern.console.support.ConsoleWindow;
import org.lectern.console.support.Screenshots;
import org.lectern.shared.cluster.NodeState;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console, headless under TestFX, against the real parts {@code ./lectern cluster up --nodes 2} starts
 * (two Lectern nodes, PostgreSQL, the Artemis broker, HAProxy), as an operator runs it on exam day: it finds the
 * broker and HAProxy where the nodes publish them, sees both nodes with their own figures, changes a weight that
 * HAProxy then applies, drains a node while students save (none fails, none is lost) and takes it back, and a
 * rolling operation halts at a node that does not come back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOnClusterIT {

    private static final Path HOME = Path.of(System.getProperty("lectern.home", "..")).toAbsolutePath().normalize();
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final FxRobot robot = new FxRobot();
    private final ConsoleWindow window = new ConsoleWindow(robot);
    private LocalCluster cluster;
    private Path run;
    private Application console;

    @BeforeAll
    void startTheClusterAndTheConsole() throws Exception {
        run = TestClusters.directory(HOME, "console");
        cluster = new LocalCluster(TestPorts.layout(HOME, run, 2));
        cluster.up(out);

        FxToolkit.registerPrimaryStage();
        // A first start: the console opens on the overview, whatever an earlier run saved.
        Preferences.userNodeForPackage(LecternConsoleApp.class).node("window").removeNode();
        console = FxToolkit.setupApplication(LecternConsoleApp.class, "--address", cluster.layout().memberList(),
                "--operator", "olga", "--credential-file", cluster.operatorCredential().toString(),
                "--trust-certificate", cluster.layout().certificate().toString());
        FxToolkit.showStage();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
            FxToolkit.cleanupStages();
        }
        TestClusters.remove(cluster, run, out);
    }

    @Test
    @Order(1)
    void shouldShowBothNodesWithTheirOwnFiguresAndTheBrokerItFindsWhereTheNodesPublishIt() throws Exception {
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(window.labelText("#overview-nodes")).isEqualTo("2 ready · 0 draining · 0 missing");
            assertThat(window.labelText("#overview-safety")).startsWith("Cluster safe");
        });

        window.show(2);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.members().stream()
                .map(row -> row.nodeId() + " " + row.stateProperty().get() + " " + row.brokerConnectedProperty().get()
                        + " " + row.heapProperty().get().isEmpty()).toList())
                .containsExactly("node-1 READY true false", "node-2 READY true false"));

        window.show(8);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.labelText("#broker-overview"))
                .startsWith("Artemis 2.55.0").contains(" live ", " connections "));
        assertThat(ConsoleWindow.onFx(() -> robot.lookup("#broker-jmx-url").queryAs(TextField.class).getText()))
                .isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + cluster.layout().jmxPort() + "/jmxrmi");
    }

    @Test
    @Order(2)
    void shouldReadHaproxysStatsOverTlsOnceTheOperatorTypesThePassword() throws Exception {
        window.show(9);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.labelText("#balancer-summary"))
                .contains("refused user operator", "type the stats user and password"));

        robot.clickOn("#balancer-password").write(Secrets.loadOrCreate(cluster.layout().base()).statsPassword());

        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.labelText("#balancer-summary"))
                .startsWith("HAProxy at " + cluster.layout().statsUrl()).endsWith("all agree with the nodes"));
        assertThat(window.cellTexts("#balancer-table")).contains("nodes/node-1", "nodes/node-2", "UP");
        Screenshots.save(window.scene(), "cluster-balancer");
    }

    @Test
    @Order(3)
    void shouldSetAWeightThatHaproxyApplies() throws Exception {
        window.show(2);
        window.select("node-2");

        robot.clickOn("#weight-button");
        robot.interact(() -> robot.lookup("#weight-input").queryAs(TextField.class).setText("3"));
        robot.clickOn("OK");

        await().atMost(WITHIN).until(() -> cluster.haproxyServers().orElseThrow().get("node-2").weight() == 3);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(weightOf("node-2")).isEqualTo(3));
        window.show(9);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(window.cellTexts("#balancer-table")).containsSubsequence("nodes/node-2", "UP", "3", "READY", "3");
            assertThat(window.labelText("#balancer-summary")).endsWith("all agree with the nodes");
        });

        window.show(2);
        window.select("node-2");
        robot.clickOn("#weight-button");
        robot.interact(() -> robot.lookup("#weight-input").queryAs(TextField.class).setText("1"));
        robot.clickOn("OK");
        await().atMost(WITHIN).until(() -> cluster.haproxyServers().orElseThrow().get("node-2").weight() == 1);
    }

    @Test
    @Order(4)
    void shouldDrainANodeWhileStudentsSaveLosingNothingAndTakeItBack() throws Exception {
        try (SavingStudents students = SavingStudents.start(cluster, List.of("student1", "student2", "student5",
                "student6"))) {
            await().atMost(WITHIN).untilAsserted(() -> assertThat(students.fewestAcknowledged())
                    .as("saves acknowledged; failed: %s", students.failures()).isGreaterThanOrEqualTo(3));
            // Under load: HAProxy balances each request by least connections, so both nodes take saves.
            await().atMost(WITHIN).until(() -> students.servedBy(0).contains("node-1"));
            window.show(2);
            window.select("node-1");

            robot.clickOn("#drain-button");
            robot.clickOn("Drain");

            await().atMost(WITHIN).untilAsserted(() -> assertThat(stateOf("node-1")).isEqualTo(NodeState.DRAINED));
            await().atMost(WITHIN).untilAsserted(() -> assertThat(haproxy("node-1")).startsWith("DRAIN"));
            window.show(1);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(window.labelText("#overview-nodes"))
                    .isEqualTo("1 ready · 1 draining · 0 missing"));
            Screenshots.save(window.scene(), "cluster-drained");
            int drainedAt = students.fewestAcknowledged();
            int acknowledgedBefore = students.servedBy(0).size();
            await().atMost(WITHIN).untilAsserted(() -> assertThat(students.fewestAcknowledged())
                    .as("saves acknowledged; failed: %s", students.failures()).isGreaterThanOrEqualTo(drainedAt + 3));
            students.stop();

            // Whatever was on its way when HAProxy took node-1 out may still have reached it; after that, none.
            assertThat(students.servedBy(acknowledgedBefore + 4)).isNotEmpty().containsOnly("node-2");
            assertThat(students.failures()).isEmpty();
            for (String student : students.logins()) {
                assertThat(students.participation(student)).as(student).startsWith("200 ")
                        .contains("\"text\":\"" + students.lastAcknowledged(student) + "\"");
            }
        }
        window.show(3);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.cellTexts("#operations-table"))
                .contains("Drain node-1", "COMPLETED"));
        window.show(10);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(window.cellTexts("#audit-table"))
                .contains("olga", "DRAIN", "node-1", "COMPLETED"));

        window.show(2);
        window.select("node-1");
        robot.clickOn("#undrain-button");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(stateOf("node-1")).isEqualTo(NodeState.READY));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(haproxy("node-1")).startsWith("UP"));
    }

    @Test
    @Order(5)
    void shouldHaltARollingOperationAtANodeThatDoesNotComeBack() throws Exception {
        window.show(2);
        robot.clickOn("#rolling-button");
        robot.clickOn("OK");
        window.show(3);
        TableView<Operation> operations = robot.lookup("#operations-table").queryTableView();
        Operation rolling = ConsoleWindow.onFx(() -> operations.getItems().get(0));
        assertThat(rolling.title()).isEqualTo("Rolling operation over node-1, node-2");
        await().atMost(WITHIN).until(() -> ConsoleWindow.onFx(rolling::state) == OperationState.WAITING_FOR_OPERATOR);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(stateOf("node-1")).isEqualTo(NodeState.DRAINED));

        // The update broke node-1: it does not start again.
        cluster.killNode(1, out);
        robot.interact(() -> operations.getSelectionModel().select(rolling));
        robot.clickOn("#continue-button");

        await().atMost(WITHIN).until(() -> ConsoleWindow.onFx(rolling::state) == OperationState.FAILED);
        assertThat(ConsoleWindow.onFx(rolling::status)).contains("node-1");
        Screenshots.save(window.scene(), "cluster-rolling-halted");
        assertThat(stateOf("node-2")).isEqualTo(NodeState.READY);
        assertThat(haproxy("node-2")).startsWith("UP ");
        // node-1 left DRAINED, as a node stopped for its update does, so it does not count as missing; but one node
        // cannot back up the live submissions, and after the overview's threshold the operator is told so.
        TableView<ConsoleAlert> alerts = robot.lookup("#alerts-table").queryTableView();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(ConsoleWindow.onFx(() -> List.copyOf(alerts.getItems())))
                .anySatisfy(alert -> assertThat(alert.key()).isEqualTo("CLUSTER_NOT_SAFE/cluster")));
    }

    /** HAProxy's status of the node's server in the students' backend, then what else it says of it. */
    private String haproxy(String nodeId) {
        Haproxy.ServerState server = cluster.haproxyServers().orElseThrow().get(nodeId);
        return server.status() + " " + server;
    }

    private NodeState stateOf(String nodeId) throws Exception {
        return window.member(nodeId).map(row -> row.stateProperty().get()).orElse(null);
    }

    private Integer weightOf(String nodeId) throws Exception {
        return window.member(nodeId).map(row -> row.weightProperty().get()).orElse(null);
    }
}
