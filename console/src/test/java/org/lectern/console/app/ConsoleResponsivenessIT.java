package org.lectern.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.console.support.ContractNode;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.testing.FreePorts;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A benchmark, not a timed test: ten real members that publish 1,000 sessions each (10,000 in all), the whole
 * console headless. Prints how long the console takes from start to a populated overview, and from a member's
 * death to the screen; asserts only what is shown. Figures in docs/console.md.
 */
class ConsoleResponsivenessIT {

    private static final int MEMBERS = 10;
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(10);

    private final String clusterName = "console-bench-" + UUID.randomUUID();
    private final List<ContractNode> nodes = new ArrayList<>();
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
        nodes.forEach(ContractNode::close);
    }

    @Test
    void shouldPopulateTheOverviewOfTenMembersAndTenThousandSessionsAndReportHowFast() throws Exception {
        int firstPort = FreePorts.next();
        for (int i = 1; i <= MEMBERS; i++) {
            int port = i == 1 ? firstPort : FreePorts.next();
            NodeLoad load = new NodeLoad(1_000, 990, 25, 40 + i, 400L << 20, 1024L << 20, 0.3, 0, 1, 50, 90 + i,
                    1_000);
            nodes.add(new ContractNode(clusterName, String.format(Locale.ROOT, "node-%02d", i), port, firstPort,
                    "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", load));
        }
        await().atMost(WITHIN).until(() -> nodes.get(0).member().getCluster().getMembers().size() == MEMBERS);

        long started = System.nanoTime();
        console = FxToolkit.setupApplication(LecternConsoleApp.class, "--address", "127.0.0.1:" + firstPort,
                "--cluster", clusterName);
        long windowShown = System.nanoTime();
        await().atMost(WITHIN).pollInterval(POLL).until(() -> text("#overview-nodes").startsWith("10 ready"));
        long populated = System.nanoTime();
        assertThat(text("#overview-sessions")).isEqualTo("10,000 sessions · 9,900 users");
        assertThat(text("#overview-saves")).isEqualTo("250.0 saves/s");

        long killed = System.nanoTime();
        nodes.get(MEMBERS - 1).kill();
        await().atMost(WITHIN).pollInterval(POLL).until(() -> text("#overview-nodes").startsWith("9 ready"));
        long shown = System.nanoTime();

        System.out.printf(Locale.ROOT, "console responsiveness (%d members, 10,000 sessions): start to window %d ms, "
                + "start to populated overview %d ms, member killed to overview %d ms%n", MEMBERS,
                millis(started, windowShown), millis(started, populated), millis(killed, shown));
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Labeled.class).getText()).get();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
