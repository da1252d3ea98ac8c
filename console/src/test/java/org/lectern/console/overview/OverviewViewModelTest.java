package org.lectern.console.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.console.support.Statuses.load;
import static org.lectern.console.support.Statuses.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.console.balancer.BalancerRow;
import org.lectern.console.broker.BrokerSnapshot;
import org.lectern.console.broker.QueueRow;
import org.lectern.console.support.Statuses;
import org.lectern.console.ui.Tone;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;

class OverviewViewModelTest {

    private static final String SAFE = "Cluster safe: every live submission (0) is stored on two members";

    private Instant now = Instant.ofEpochMilli(Statuses.NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<ClusterEvent> timeline = new ArrayList<>();
    private final List<Boolean> notified = new ArrayList<>();
    private final OverviewViewModel viewModel = new OverviewViewModel(clock, ZoneOffset.UTC, (event, notify) -> {
        timeline.add(event);
        notified.add(notify);
    });

    @Nested
    class WhenAllIsWell {

        @Test
        void shouldSayAllIsWellWithHealthAndSummedFigures() {
            viewModel.update(picture(nodes(
                    status("node-1", NodeState.READY, figures(120, 30, 4.0, 80, 140, 50.5), ReplicaCounts.UNKNOWN,
                            true),
                    status("node-2", NodeState.READY, figures(100, 25, 3.5, 95, 260, 40), ReplicaCounts.UNKNOWN,
                            false))));

            assertThat(viewModel.alerts()).isEmpty();
            assertThat(viewModel.verdictProperty().get()).isEqualTo("All is well");
            assertThat(viewModel.verdictToneProperty().get()).isEqualTo(Tone.GOOD);
            assertThat(viewModel.nodesHealthProperty().get()).isEqualTo("2 ready · 0 draining · 0 missing");
            assertThat(viewModel.sessionsProperty().get()).isEqualTo("220 sessions · 55 users");
            assertThat(viewModel.savesPerSecondProperty().get()).isEqualTo("7.5 saves/s");
            assertThat(viewModel.saveP95Property().get()).isEqualTo("95 ms / target 500 ms (worst: node-2)");
            assertThat(viewModel.saveP99Property().get()).isEqualTo("260 ms");
            assertThat(viewModel.fanOutProperty().get()).isEqualTo("91 msg/s");
            assertThat(viewModel.safetyToneProperty().get()).isEqualTo(Tone.GOOD);
            assertThat(timeline).isEmpty();
        }

        @Test
        void shouldCountDrainingAndDrainedNodesApart() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY), status("node-2", NodeState.DRAINING),
                    status("node-3", NodeState.DRAINED))));

            assertThat(viewModel.nodesHealthProperty().get()).isEqualTo("1 ready · 2 draining · 0 missing");
            assertThat(viewModel.nodesToneProperty().get()).isEqualTo(Tone.BUSY);
        }
    }

    @Nested
    class SaveP95 {

        @Test
        void shouldAlertOnTheNodeAboveTheTargetAndLeadToIt() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY, load(10, 5, 2, 120), ReplicaCounts.UNKNOWN,
                    false), status("node-2", NodeState.READY, load(10, 5, 9, 750), ReplicaCounts.UNKNOWN, false))));

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.SAVE_P95);
                assertThat(alert.subject()).isEqualTo("node-2");
                assertThat(alert.message()).startsWith("save p95 750 ms on node-2 (target 500 ms)");
                assertThat(alert.target()).isEqualTo(new Target("members", "node-2"));
            });
            assertThat(viewModel.saveToneProperty().get()).isEqualTo(Tone.BAD);
            assertThat(viewModel.verdictProperty().get()).isEqualTo("1 alert needs you");
        }

        @Test
        void shouldFollowTheOperatorsThreshold() {
            viewModel.thresholdsProperty().set(withSaveP95(800));

            viewModel.update(picture(nodes(status("node-1", NodeState.READY, load(10, 5, 9, 750),
                    ReplicaCounts.UNKNOWN, false))));

            assertThat(viewModel.alerts()).isEmpty();
        }
    }

    @Nested
    class Heap {

        @Test
        void shouldAlertWhenHeapUseIsAboveTheShare() {
            NodeLoad full = new NodeLoad(1, 1, 0, 10, 900L << 20, 1000L << 20, 0.1, 0, 1, 0);

            viewModel.update(picture(nodes(status("node-1", NodeState.READY, full, ReplicaCounts.UNKNOWN, false))));

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.HEAP);
                assertThat(alert.message()).isEqualTo("heap 900 of 1000 MiB (90 %, threshold 85 %) on node-1");
            });
        }

        @Test
        void shouldNotAlertWhenTheNodeKnowsNoLimit() {
            NodeLoad unknown = new NodeLoad(1, 1, 0, 10, 900L << 20, 0, 0.1, 0, 1, 0);

            viewModel.update(picture(nodes(status("node-1", NodeState.READY, unknown, ReplicaCounts.UNKNOWN, false))));

            assertThat(viewModel.alerts()).isEmpty();
        }
    }

    @Nested
    class Cpu {

        @Test
        void shouldAlertWhenCpuIsAboveTheThresholdButNotWhenUnknown() {
            NodeLoad busy = new NodeLoad(1, 1, 0, 10, 1, 100, 0.97, 0, 1, 0);
            NodeLoad unknown = new NodeLoad(1, 1, 0, 10, 1, 100, -1, 0, 1, 0);

            viewModel.update(picture(nodes(status("node-1", NodeState.READY, busy, ReplicaCounts.UNKNOWN, false),
                    status("node-2", NodeState.READY, unknown, ReplicaCounts.UNKNOWN, false))));

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.CPU);
                assertThat(alert.message()).isEqualTo("CPU 97 % on node-1 (threshold 90 %)");
            });
        }
    }

    @Nested
    class NodeMissing {

        @Test
        void shouldAlertWhenANodeIsGoneLongerThanTheThresholdAndLeadToTheEvents() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY), status("node-2", NodeState.READY))));

            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));
            assertThat(viewModel.alerts()).isEmpty();
            assertThat(viewModel.nodesHealthProperty().get()).isEqualTo("1 ready · 0 draining · 1 missing");
            now = now.plusSeconds(5);
            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.NODE_MISSING);
                assertThat(alert.severity()).isEqualTo(EventSeverity.CRITICAL);
                assertThat(alert.target()).isEqualTo(new Target("events", "node-2"));
            });
            assertThat(viewModel.verdictToneProperty().get()).isEqualTo(Tone.BAD);
        }

        @Test
        void shouldNotAlertWhenTheNodeLeftAfterItWasDrained() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY), status("node-2", NodeState.DRAINED))));

            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));
            now = now.plusSeconds(60);
            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));

            assertThat(viewModel.alerts()).isEmpty();
            assertThat(viewModel.nodesHealthProperty().get()).endsWith("0 missing");
        }

        @Test
        void shouldResolveWhenTheNodeComesBackOrIsForgotten() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY), status("node-2", NodeState.READY))));
            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));
            now = now.plusSeconds(10);
            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));
            assertThat(viewModel.alerts()).hasSize(1);

            viewModel.forget("node-2");
            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));

            assertThat(viewModel.alerts()).isEmpty();
            assertThat(timeline).last().satisfies(event -> {
                assertThat(event.severity()).isEqualTo(EventSeverity.INFO);
                assertThat(event.message()).isEqualTo("Resolved: Node missing (node-2)");
            });
        }

        @Test
        void shouldNotCallNodesMissingWhileTheConsoleIsDisconnected() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY))));

            now = now.plusSeconds(60);
            viewModel.update(new ClusterPicture(0, Map.of(), false, "Not connected", null, "", List.of(), ""));

            assertThat(viewModel.alerts()).isEmpty();
            assertThat(viewModel.verdictProperty().get()).isEqualTo("Not connected");
        }
    }

    @Nested
    class ClusterNotSafe {

        @Test
        void shouldAlertOnlyWhenNotSafeForLongerThanAMigrationTakes() {
            Map<String, NodeStatus> nodes = nodes(status("node-1", NodeState.READY), status("node-2", NodeState.READY));
            ClusterPicture unsafe = new ClusterPicture(2, nodes, false, "NOT safe: node-2 still syncing backups",
                    null, "", List.of(), "");

            viewModel.update(unsafe);
            now = now.plusSeconds(29);
            viewModel.update(unsafe);
            assertThat(viewModel.alerts()).isEmpty();
            now = now.plusSeconds(1);
            viewModel.update(unsafe);

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.CLUSTER_NOT_SAFE);
                assertThat(alert.message()).isEqualTo("NOT safe: node-2 still syncing backups");
                assertThat(alert.target().view()).isEqualTo("replicas");
            });
            assertThat(viewModel.safetyToneProperty().get()).isEqualTo(Tone.BAD);
        }

        @Test
        void shouldStartCountingAgainWhenSafeInBetween() {
            Map<String, NodeStatus> nodes = nodes(status("node-1", NodeState.READY), status("node-2", NodeState.READY));
            ClusterPicture unsafe = new ClusterPicture(2, nodes, false, "NOT safe", null, "", List.of(), "");

            viewModel.update(unsafe);
            now = now.plusSeconds(20);
            viewModel.update(picture(nodes));
            now = now.plusSeconds(20);
            viewModel.update(unsafe);

            assertThat(viewModel.alerts()).isEmpty();
        }
    }

    @Nested
    class Broker {

        @Test
        void shouldAlertOnEachQueueAboveTheBacklogAndLeadToTheBroker() {
            BrokerSnapshot broker = broker(12, new QueueRow("lectern.quiz", "quiz-node-1", "MULTICAST", 5_000, 1, 0),
                    new QueueRow("lectern.chat", "chat-node-1", "MULTICAST", 3, 1, 0));

            viewModel.update(new ClusterPicture(1, nodes(status("node-1", NodeState.READY)), true, SAFE, broker, "",
                    List.of(), ""));

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.BROKER_BACKLOG);
                assertThat(alert.subject()).isEqualTo("quiz-node-1");
                assertThat(alert.target()).isEqualTo(new Target("broker", "quiz-node-1"));
            });
            assertThat(viewModel.brokerProperty().get()).isEqualTo("up — 1 of 1 nodes linked, 12 connections, "
                    + "5003 messages queued");
        }

        @Test
        void shouldAlertWhenTheBrokerHoldsTooManyConnections() {
            viewModel.thresholdsProperty().set(new AlertThresholds(500, 85, 90, 5, 30, 1_000, 10, 30, true));

            viewModel.update(new ClusterPicture(1, nodes(status("node-1", NodeState.READY)), true, SAFE,
                    broker(11), "", List.of(), ""));

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.BROKER_CONNECTIONS);
                assertThat(alert.message()).isEqualTo("11 connections (threshold 10)");
            });
        }

        @Test
        void shouldNotJudgeAnOldReadingWhenTheBrokerCannotBeRead() {
            BrokerSnapshot old = broker(5_000, new QueueRow("a", "q", "ANYCAST", 1_000_000, 0, 0));

            viewModel.update(new ClusterPicture(1, nodes(status("node-1", NodeState.READY)), true, SAFE, old,
                    "Connection refused", List.of(), ""));

            assertThat(viewModel.alerts()).isEmpty();
            assertThat(viewModel.brokerProperty().get()).isEqualTo("1 of 1 nodes linked — JMX: Connection refused");
        }
    }

    @Nested
    class WeightMismatch {

        @Test
        void shouldAlertWhenTheBalancerDisagreesLongerThanAnAgentCheckLags() {
            List<BalancerRow> rows = List.of(new BalancerRow("lectern/node-1", "UP", "42", "READY", "100",
                    "weight 42 in HAProxy, 100 on the node"), new BalancerRow("lectern/node-2", "UP", "100", "READY",
                    "100", ""));
            Map<String, NodeStatus> nodes = nodes(status("node-1", NodeState.READY), status("node-2", NodeState.READY));
            ClusterPicture picture = new ClusterPicture(2, nodes, true, SAFE, null, "", rows, "HAProxy: 1 MISMATCH");

            viewModel.update(picture);
            assertThat(viewModel.alerts()).isEmpty();
            assertThat(viewModel.balancerToneProperty().get()).isEqualTo(Tone.BAD);
            now = now.plusSeconds(30);
            viewModel.update(picture);

            assertThat(viewModel.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.rule()).isEqualTo(AlertRule.WEIGHT_MISMATCH);
                assertThat(alert.subject()).isEqualTo("node-1");
                assertThat(alert.message()).isEqualTo("lectern/node-1: weight 42 in HAProxy, 100 on the node");
                assertThat(alert.target()).isEqualTo(new Target("balancer", "node-1"));
            });
        }
    }

    @Nested
    class Timeline {

        @Test
        void shouldPutEachNewAlertOnTheTimelineOnceWithTheOperatorsNotificationChoice() {
            viewModel.thresholdsProperty().set(new AlertThresholds(500, 85, 90, 5, 30, 1_000, 1_000, 30, false));
            Map<String, NodeStatus> slow = nodes(status("node-1", NodeState.READY, load(1, 1, 1, 900),
                    ReplicaCounts.UNKNOWN, false));

            viewModel.update(picture(slow));
            now = now.plusSeconds(1);
            viewModel.update(picture(slow));

            assertThat(timeline).singleElement().satisfies(event -> {
                assertThat(event.kind()).isEqualTo(ClusterEventKind.CONSOLE_ALERT);
                assertThat(event.severity()).isEqualTo(EventSeverity.WARNING);
                assertThat(event.nodeId()).isEqualTo("node-1");
                assertThat(event.message()).startsWith("Save p95 above target: save p95 900 ms");
            });
            assertThat(notified).containsExactly(false);
            assertThat(viewModel.alerts()).singleElement()
                    .extracting(ConsoleAlert::since).isEqualTo("14:13:20");
        }

        @Test
        void shouldSortCriticalAlertsFirst() {
            viewModel.update(picture(nodes(status("node-1", NodeState.READY), status("node-2", NodeState.READY,
                    load(1, 1, 1, 900), ReplicaCounts.UNKNOWN, false))));
            viewModel.update(picture(nodes(status("node-2", NodeState.READY, load(1, 1, 1, 900),
                    ReplicaCounts.UNKNOWN, false))));
            now = now.plusSeconds(5);

            viewModel.update(picture(nodes(status("node-2", NodeState.READY, load(1, 1, 1, 900),
                    ReplicaCounts.UNKNOWN, false))));

            assertThat(viewModel.alerts()).extracting(ConsoleAlert::rule)
                    .containsExactly(AlertRule.NODE_MISSING, AlertRule.SAVE_P95);
        }
    }

    private static NodeLoad figures(int sessions, int users, double savesPerSecond, double p95, double p99,
            double delivered) {
        return new NodeLoad(sessions, users, savesPerSecond, p95, 100L << 20, 1024L << 20, 0.1, 0, 1, 0, p99,
                delivered);
    }

    private static AlertThresholds withSaveP95(int millis) {
        AlertThresholds defaults = AlertThresholds.DEFAULTS;
        return new AlertThresholds(millis, defaults.heapPercent(), defaults.cpuPercent(),
                defaults.nodeMissingSeconds(), defaults.clusterNotSafeSeconds(), defaults.brokerBacklogMessages(),
                defaults.brokerConnections(), defaults.weightMismatchSeconds(), defaults.notifyDesktop());
    }

    private static BrokerSnapshot broker(int connections, QueueRow... queues) {
        return new BrokerSnapshot("broker", "2.53.0", "1 hour", false, false, connections, 1, 100, List.of(),
                List.of(queues));
    }

    private static Map<String, NodeStatus> nodes(NodeStatus... statuses) {
        return List.of(statuses).stream().collect(Collectors.toMap(NodeStatus::nodeId, Function.identity(),
                (a, b) -> b, LinkedHashMap::new));
    }

    private static ClusterPicture picture(Map<String, NodeStatus> nodes) {
        return new ClusterPicture(nodes.size(), nodes, true, SAFE, null, "", List.of(), "");
    }
}
