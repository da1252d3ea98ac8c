package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.console.app.LecternConsoleApp;
import org.lectern.console.members.MemberRow;
import org.lectern.console.operations.Operation;
import org.lectern.console.operations.OperationState;
import org.lectern.console.overview.ConsoleAlert;
import org.lectern.console.support.Screenshots;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.testing.RequiredPrograms;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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
    private LocalCluster cluster;
    private Path run;
    private Application console;

    @BeforeAll
    void startTheClusterAndTheConsole() throws Exception {
        RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        RequiredPrograms.require(SystemPrograms.postgresBin(), "initdb", "postgresql");
        // Under target/: as root, PostgreSQL runs as the postgres user, which must reach its data directory.
        Path base = Files.createDirectories(HOME.resolve("packaging/target/cluster-it"));
        run = Files.createTempDirectory(base, "console");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
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
        if (cluster != null) {
            cluster.down(out);
        }
        if (run != null) {
            try (Stream<Path> files = Files.walk(run)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void shouldShowBothNodesWithTheirOwnFiguresAndTheBrokerItFindsWhereTheNodesPublishIt() throws Exception {
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(labelText("#overview-nodes")).isEqualTo("2 ready · 0 draining · 0 missing");
            assertThat(labelText("#overview-safety")).startsWith("Cluster safe");
        });

        show(2);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(onFx(() -> rows().stream()
                .map(row -> row.nodeId() + " " + row.stateProperty().get() + " " + row.brokerConnectedProperty().get()
                        + " " + row.heapProperty().get().isEmpty()).toList()))
                .containsExactly("node-1 READY true false", "node-2 READY true false"));

        show(8);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(labelText("#broker-overview"))
                .startsWith("Artemis 2.55.0").contains(" live ", " connections "));
        assertThat(onFx(() -> robot.lookup("#broker-jmx-url").queryAs(TextField.class).getText()))
                .isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + cluster.layout().jmxPort() + "/jmxrmi");
    }

    @Test
    @Order(2)
    void shouldReadHaproxysStatsOverTlsOnceTheOperatorTypesThePassword() throws Exception {
        show(9);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(labelText("#balancer-summary"))
                .contains("refused user operator", "type the stats user and password"));

        robot.clickOn("#balancer-password").write(Secrets.loadOrCreate(cluster.layout().base()).statsPassword());

        await().atMost(WITHIN).untilAsserted(() -> assertThat(labelText("#balancer-summary"))
                .startsWith("HAProxy at " + cluster.layout().statsUrl()).endsWith("all agree with the nodes"));
        assertThat(cellTexts("#balancer-table")).contains("nodes/node-1", "nodes/node-2", "UP");
        Screenshots.save(scene(), "cluster-balancer");
    }

    @Test
    @Order(3)
    void shouldSetAWeightThatHaproxyApplies() throws Exception {
        show(2);
        select("node-2");

        robot.clickOn("#weight-button");
        robot.interact(() -> robot.lookup("#weight-input").queryAs(TextField.class).setText("3"));
        robot.clickOn("OK");

        await().atMost(WITHIN).until(() -> cluster.haproxyServers().orElseThrow().get("node-2").weight() == 3);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(weightOf("node-2")).isEqualTo(3));
        show(9);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(cellTexts("#balancer-table")).containsSubsequence("nodes/node-2", "UP", "3", "READY", "3");
            assertThat(labelText("#balancer-summary")).endsWith("all agree with the nodes");
        });

        show(2);
        select("node-2");
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
            show(2);
            select("node-1");

            robot.clickOn("#drain-button");
            robot.clickOn("Drain");

            await().atMost(WITHIN).untilAsserted(() -> assertThat(stateOf("node-1")).isEqualTo(NodeState.DRAINED));
            await().atMost(WITHIN).untilAsserted(() -> assertThat(haproxy("node-1")).startsWith("DRAIN"));
            show(1);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(labelText("#overview-nodes"))
                    .isEqualTo("1 ready · 1 draining · 0 missing"));
            Screenshots.save(scene(), "cluster-drained");
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
        show(3);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(cellTexts("#operations-table"))
                .contains("Drain node-1", "COMPLETED"));
        show(10);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(cellTexts("#audit-table"))
                .contains("olga", "DRAIN", "node-1", "COMPLETED"));

        show(2);
        select("node-1");
        robot.clickOn("#undrain-button");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(stateOf("node-1")).isEqualTo(NodeState.READY));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(haproxy("node-1")).startsWith("UP"));
    }

    @Test
    @Order(5)
    void shouldHaltARollingOperationAtANodeThatDoesNotComeBack() throws Exception {
        show(2);
        robot.clickOn("#rolling-button");
        robot.clickOn("OK");
        show(3);
        TableView<Operation> operations = robot.lookup("#operations-table").queryTableView();
        Operation rolling = onFx(() -> operations.getItems().get(0));
        assertThat(rolling.title()).isEqualTo("Rolling operation over node-1, node-2");
        await().atMost(WITHIN).until(() -> onFx(rolling::state) == OperationState.WAITING_FOR_OPERATOR);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(stateOf("node-1")).isEqualTo(NodeState.DRAINED));

        // The update broke node-1: it does not start again.
        cluster.killNode(1, out);
        robot.interact(() -> operations.getSelectionModel().select(rolling));
        robot.clickOn("#continue-button");

        await().atMost(WITHIN).until(() -> onFx(rolling::state) == OperationState.FAILED);
        assertThat(onFx(rolling::status)).contains("node-1");
        Screenshots.save(scene(), "cluster-rolling-halted");
        assertThat(stateOf("node-2")).isEqualTo(NodeState.READY);
        assertThat(haproxy("node-2")).startsWith("UP ");
        // node-1 left DRAINED, as a node stopped for its update does, so it does not count as missing; but one node
        // cannot back up the live submissions, and after the overview's threshold the operator is told so.
        TableView<ConsoleAlert> alerts = robot.lookup("#alerts-table").queryTableView();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(onFx(() -> List.copyOf(alerts.getItems())))
                .anySatisfy(alert -> assertThat(alert.key()).isEqualTo("CLUSTER_NOT_SAFE/cluster")));
    }

    /** HAProxy's status of the node's server in the students' backend, then what else it says of it. */
    private String haproxy(String nodeId) {
        Haproxy.ServerState server = cluster.haproxyServers().orElseThrow().get(nodeId);
        return server.status() + " " + server;
    }

    /** Switches views the way an operator does: Ctrl/Cmd + the view's number. */
    private void show(int number) {
        KeyCode digit = KeyCode.valueOf("DIGIT" + number % 10);
        robot.push(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().getSelectedIndex())
                .isEqualTo(number - 1);
    }

    private Scene scene() {
        return robot.lookup("#views").query().getScene();
    }

    private List<MemberRow> rows() {
        TableView<MemberRow> table = robot.lookup("#members-table").queryTableView();
        return List.copyOf(table.getItems());
    }

    private void select(String nodeId) {
        TableView<MemberRow> table = robot.lookup("#members-table").queryTableView();
        robot.interact(() -> table.getItems().stream().filter(row -> row.nodeId().equals(nodeId)).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row)));
    }

    private NodeState stateOf(String nodeId) throws Exception {
        return onFx(() -> rows().stream().filter(row -> row.nodeId().equals(nodeId)).findFirst()
                .map(row -> row.stateProperty().get()).orElse(null));
    }

    private Integer weightOf(String nodeId) throws Exception {
        return onFx(() -> rows().stream().filter(row -> row.nodeId().equals(nodeId)).findFirst()
                .map(row -> row.weightProperty().get()).orElse(null));
    }

    private List<String> cellTexts(String table) throws Exception {
        return onFx(() -> robot.lookup(table + " .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText())
                .filter(Objects::nonNull)
                .toList());
    }

    private String labelText(String id) throws Exception {
        return onFx(() -> ((Labeled) robot.lookup(id).query()).getText());
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
