package org.lectern.console.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.console.support.Statuses.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lectern.console.balancer.BalancerRow;
import org.lectern.console.support.Screenshots;
import org.lectern.console.support.Statuses;
import org.lectern.console.ui.Theme;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.ReplicaCounts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The overview on screen (headless): verdict, health, figures, alerts, a click through to what is behind. */
@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {

    private final OverviewViewModel viewModel = new OverviewViewModel(
            Clock.fixed(Instant.ofEpochMilli(Statuses.NOW), ZoneOffset.UTC), ZoneOffset.UTC, (event, notify) -> { });
    private final List<Target> shown = new ArrayList<>();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new OverviewView(viewModel, shown::add), 1400, 800);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void shouldShowTheAlertAndLeadToTheNodeBehindItWithOneClick(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.update(examDay()));

        assertThat(text(robot, "#overview-verdict")).isEqualTo("1 alert needs you");
        assertThat(text(robot, "#overview-nodes")).isEqualTo("2 ready · 0 draining · 0 missing");
        assertThat(text(robot, "#overview-sessions")).isEqualTo("2,400 sessions · 2,380 users");
        assertThat(text(robot, "#overview-save-p95")).isEqualTo("720 ms / target 500 ms (worst: node-2)");
        assertThat(text(robot, "#overview-fan-out")).isEqualTo("4,800 msg/s");
        TableView<ConsoleAlert> alerts = robot.lookup("#alerts-table").queryTableView();
        assertThat(alerts.getItems()).extracting(ConsoleAlert::rule).containsExactly(AlertRule.SAVE_P95);
        Screenshots.save(scene, "overview");

        robot.clickOn("node-2 → members");
        robot.clickOn("#overview-balancer");

        assertThat(shown).containsExactly(new Target("members", "node-2"), new Target("balancer", ""));
    }

    @Test
    void shouldJudgeAgainstTheThresholdTheOperatorApplied(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.update(examDay()));
        // Not animated here: an expanding pane moves the button while the robot aims at it.
        TitledPane thresholds = robot.lookup("#alert-thresholds").queryAs(TitledPane.class);
        robot.interact(() -> thresholds.setAnimated(false));
        robot.clickOn("#alert-thresholds");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#thresholds-apply").queryButton().isVisible());
        Spinner<Integer> p95 = robot.lookup("#threshold-save-p95").query();
        robot.interact(() -> p95.getValueFactory().setValue(1_000));

        robot.clickOn("#thresholds-apply");
        robot.interact(() -> viewModel.update(examDay()));

        assertThat(viewModel.thresholdsProperty().get().saveP95Millis()).isEqualTo(1_000);
        assertThat(viewModel.alerts()).isEmpty();
        assertThat(text(robot, "#overview-verdict")).isEqualTo("All is well");
    }

    private static ClusterPicture examDay() {
        NodeLoad calm = new NodeLoad(1_200, 1_190, 40, 180, 300L << 20, 1024L << 20, 0.4, 0, 1, 20, 400, 2_400);
        NodeLoad slow = new NodeLoad(1_200, 1_190, 42, 720, 310L << 20, 1024L << 20, 0.5, 0, 1, 20, 1_400, 2_400);
        return new ClusterPicture(2, Map.of(
                "node-1", status("node-1", NodeState.READY, calm, new ReplicaCounts(300, 310, true), true),
                "node-2", status("node-2", NodeState.READY, slow, new ReplicaCounts(310, 300, true), false)),
                true, "Cluster safe: every live submission (610) is stored on two members", null,
                "No broker JMX address: the nodes publish none; type one above",
                List.of(new BalancerRow("lectern/node-1", "UP", "100", "READY", "100", ""),
                        new BalancerRow("lectern/node-2", "UP", "100", "READY", "100", "")),
                "HAProxy at 127.0.0.1:8404: 2 servers, all agree with the nodes");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
