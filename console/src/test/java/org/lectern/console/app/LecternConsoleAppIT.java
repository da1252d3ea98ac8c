package org.lectern.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.console.members.MemberRow;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console, headless, against real Hazelcast members on loopback. The test plays the nodes' part by
 * publishing their statuses itself.
 */
class LecternConsoleAppIT {

    private static final Duration APPEARS_WITHIN = Duration.ofSeconds(30);
    private static final Duration LEAVES_WITHIN = Duration.ofSeconds(10);

    private final String clusterName = "console-it-" + UUID.randomUUID();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final FxRobot robot = new FxRobot();
    private Application console;

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopEverything() throws TimeoutException {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
        }
        FxToolkit.cleanupStages();
        members.forEach(HazelcastInstance::shutdown);
    }

    @Test
    void shouldShowMemberRowWhileMemberRunsAndDropItWhenMemberShutsDown() throws Exception {
        int port = freePort();
        HazelcastInstance member = startMember(port, port);
        publishStatus(member, "node-a");

        openConsole(port);

        await().atMost(APPEARS_WITHIN).untilAsserted(() -> {
            assertThat(shownNodeIds()).containsExactly("node-a");
            assertThat(cellTexts()).contains("node-a", "READY", "127.0.0.1:8081");
            assertThat(statusText()).isEqualTo("Connected to " + clusterName + " at 127.0.0.1:" + port + " — 1 member");
        });

        member.shutdown();

        await().atMost(LEAVES_WITHIN).untilAsserted(() -> {
            assertThat(shownNodeIds()).isEmpty();
            assertThat(cellTexts()).doesNotContain("node-a");
            assertThat(statusText()).startsWith("Reconnecting to " + clusterName);
        });
    }

    @Test
    void shouldDropRowOfLeavingMemberWhileItsStatusEntryIsStillInTheMap() throws Exception {
        int firstPort = freePort();
        int secondPort = freePort();
        HazelcastInstance first = startMember(firstPort, firstPort);
        HazelcastInstance second = startMember(secondPort, firstPort);
        publishStatus(first, "node-a");
        publishStatus(second, "node-b");

        openConsole(firstPort);
        await().atMost(APPEARS_WITHIN).untilAsserted(() -> {
            assertThat(shownNodeIds()).containsExactly("node-a", "node-b");
            assertThat(statusText()).endsWith("— 2 members");
        });

        second.shutdown();

        await().atMost(LEAVES_WITHIN).untilAsserted(() -> {
            assertThat(shownNodeIds()).containsExactly("node-a");
            assertThat(statusText()).startsWith("Connected to").endsWith("— 1 member");
        });
        // The map was written without a time-to-live: only membership can have removed the row.
        assertThat(first.getMap(ClusterStructures.NODE_STATUS).containsKey("node-b")).isTrue();
    }

    private void openConsole(int port) throws TimeoutException {
        console = FxToolkit.setupApplication(LecternConsoleApp.class,
                "--address", "127.0.0.1:" + port, "--cluster", clusterName);
        // The overview is the first screen; these tests read the members table.
        robot.interact(() -> robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().select(1));
    }

    private HazelcastInstance startMember(int port, int joinPort) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + joinPort);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    private static void publishStatus(HazelcastInstance member, String nodeId) {
        long now = System.currentTimeMillis();
        String memberUuid = member.getCluster().getLocalMember().getUuid().toString();
        String httpAddress = "127.0.0.1:" + (8081 + member.getCluster().getMembers().size() - 1);
        member.getMap(ClusterStructures.NODE_STATUS).set(nodeId,
                new NodeStatus(nodeId, memberUuid, httpAddress, "0.1.0-test", "2", now - 60_000, 100, NodeState.READY,
                        now, true, false, NodeLoad.IDLE, ReplicaCounts.UNKNOWN));
    }

    private List<String> shownNodeIds() throws Exception {
        TableView<MemberRow> table = robot.lookup("#members-table").queryTableView();
        return onFxThread(() -> table.getItems().stream().map(MemberRow::nodeId).toList());
    }

    private List<String> cellTexts() throws Exception {
        return onFxThread(() -> robot.lookup("#members-table .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText())
                .filter(Objects::nonNull)
                .toList());
    }

    private String statusText() throws Exception {
        StatusBar statusBar = robot.lookup("#connection-status").queryAs(StatusBar.class);
        return onFxThread(statusBar::getText);
    }

    private static <T> T onFxThread(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
