package org.lectern.console.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.balancer.BalancerRow;
import org.lectern.console.broker.QueueRow;
import org.lectern.console.ui.Tone;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;

/**
 * The first screen: is all well, and if not, what needs the operator. Judges each {@link ClusterPicture} (one per
 * members refresh, every second) against the operator's {@link AlertThresholds}: cluster health, the exam-day
 * figures summed or worst over the nodes, and the alerts that hold now. A new alert goes to the events timeline
 * (and, if the operator wants, a desktop notification); one that stops holding is logged as resolved.
 */
public final class OverviewViewModel {

    /** Receives the alerts' events: the events timeline, with or without a desktop notification. */
    public interface AlertSink {
        void raised(ClusterEvent event, boolean notify);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;
    private final DateTimeFormatter time;
    private final AlertSink sink;
    private final ObjectProperty<AlertThresholds> thresholds =
            new SimpleObjectProperty<>(this, "thresholds", AlertThresholds.DEFAULTS);
    private final ObservableList<ConsoleAlert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "Not connected");
    private final ReadOnlyObjectWrapper<Tone> verdictTone = tone("verdictTone");
    private final ReadOnlyStringWrapper nodesHealth = new ReadOnlyStringWrapper(this, "nodesHealth", "–");
    private final ReadOnlyObjectWrapper<Tone> nodesTone = tone("nodesTone");
    private final ReadOnlyStringWrapper safety = new ReadOnlyStringWrapper(this, "safety", "–");
    private final ReadOnlyObjectWrapper<Tone> safetyTone = tone("safetyTone");
    private final ReadOnlyStringWrapper broker = new ReadOnlyStringWrapper(this, "broker", "–");
    private final ReadOnlyObjectWrapper<Tone> brokerTone = tone("brokerTone");
    private final ReadOnlyStringWrapper balancer = new ReadOnlyStringWrapper(this, "balancer", "–");
    private final ReadOnlyObjectWrapper<Tone> balancerTone = tone("balancerTone");
    private final ReadOnlyStringWrapper sessions = new ReadOnlyStringWrapper(this, "sessions", "–");
    private final ReadOnlyStringWrapper savesPerSecond = new ReadOnlyStringWrapper(this, "savesPerSecond", "–");
    private final ReadOnlyStringWrapper saveP95 = new ReadOnlyStringWrapper(this, "saveP95", "–");
    private final ReadOnlyObjectWrapper<Tone> saveTone = tone("saveTone");
    private final ReadOnlyStringWrapper saveP99 = new ReadOnlyStringWrapper(this, "saveP99", "–");
    private final ReadOnlyStringWrapper fanOut = new ReadOnlyStringWrapper(this, "fanOut", "–");
    /** Nodes seen as members since the console connected, with their last status: who can go missing. */
    private final Map<String, NodeStatus> seen = new HashMap<>();
    /** When each condition that needs to last (missing, not safe, mismatch) began. */
    private final Map<String, Instant> pendingSince = new HashMap<>();
    /** The alerts that hold, by key, with when they were raised. */
    private final Map<String, ConsoleAlert> active = new LinkedHashMap<>();

    /**
     * @param clock for how long conditions last and when alerts were raised
     * @param zone  the operator's time zone
     * @param sink  the events timeline
     */
    public OverviewViewModel(Clock clock, ZoneId zone, AlertSink sink) {
        this.clock = clock;
        this.time = TIME.withZone(zone);
        this.sink = sink;
    }

    /** The operator's thresholds; setting them judges again at the next refresh. */
    public ObjectProperty<AlertThresholds> thresholdsProperty() {
        return thresholds;
    }

    /** The alerts that hold now, most urgent first. */
    public ObservableList<ConsoleAlert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    /** "All is well", or how many alerts need the operator. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> verdictToneProperty() {
        return verdictTone.getReadOnlyProperty();
    }

    /** Nodes ready, draining (or drained), missing. */
    public ReadOnlyStringProperty nodesHealthProperty() {
        return nodesHealth.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> nodesToneProperty() {
        return nodesTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty safetyProperty() {
        return safety.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> safetyToneProperty() {
        return safetyTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty brokerProperty() {
        return broker.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> brokerToneProperty() {
        return brokerTone.getReadOnlyProperty();
    }

    /** Whether HAProxy and the nodes agree on states and weights. */
    public ReadOnlyStringProperty balancerProperty() {
        return balancer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> balancerToneProperty() {
        return balancerTone.getReadOnlyProperty();
    }

    /** WebSocket sessions and users over all nodes. */
    public ReadOnlyStringProperty sessionsProperty() {
        return sessions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savesPerSecondProperty() {
        return savesPerSecond.getReadOnlyProperty();
    }

    /** The worst node's save p95 against the target. */
    public ReadOnlyStringProperty saveP95Property() {
        return saveP95.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> saveToneProperty() {
        return saveTone.getReadOnlyProperty();
    }

    /** The worst node's save p99. */
    public ReadOnlyStringProperty saveP99Property() {
        return saveP99.getReadOnlyProperty();
    }

    /** Messages per second the nodes deliver to browser sessions (a quiz start fans out to every participant). */
    public ReadOnlyStringProperty fanOutProperty() {
        return fanOut.getReadOnlyProperty();
    }

    private ReadOnlyObjectWrapper<Tone> tone(String name) {
        return new ReadOnlyObjectWrapper<>(this, name, Tone.NEUTRAL);
    }

    /** Another cluster (or the same one anew): nobody has been seen yet, nothing is pending. */
    public void reset() {
        seen.clear();
        pendingSince.clear();
        active.clear();
        alerts.clear();
        verdict.set("Not connected");
        verdictTone.set(Tone.NEUTRAL);
    }

    /** The operator knows the node is gone for good: it no longer counts as missing. */
    public void forget(String nodeId) {
        seen.remove(nodeId);
    }

    /** Judges the cluster as it is now. */
    public void update(ClusterPicture picture) {
        Instant now = clock.instant();
        AlertThresholds limits = thresholds.get();
        Map<String, ConsoleAlert> holding = new LinkedHashMap<>();
        Map<String, Instant> stillPending = new HashMap<>();

        List<String> missing = missingNodes(picture);
        for (String nodeId : missing) {
            lasting(holding, stillPending, now, AlertRule.NODE_MISSING, nodeId, limits.nodeMissingSeconds(),
                    nodeId + " left the cluster while " + seen.get(nodeId).state() + "; it did not stop in order");
        }
        for (NodeStatus node : picture.nodes().values()) {
            nodeAlerts(holding, node, limits);
        }
        if (picture.memberCount() > 0 && !picture.clusterSafe()) {
            lasting(holding, stillPending, now, AlertRule.CLUSTER_NOT_SAFE, "cluster", limits.clusterNotSafeSeconds(),
                    picture.safety());
        }
        if (picture.broker() != null && picture.brokerProblem().isEmpty()) {
            for (QueueRow queue : picture.broker().queues()) {
                if (queue.messages() > limits.brokerBacklogMessages()) {
                    hold(holding, AlertRule.BROKER_BACKLOG, queue.queue(), queue.messages() + " messages waiting in "
                            + queue.queue() + " (threshold " + limits.brokerBacklogMessages() + "), "
                            + queue.consumers() + " consumers");
                }
            }
            if (picture.broker().connections() > limits.brokerConnections()) {
                hold(holding, AlertRule.BROKER_CONNECTIONS, "broker", picture.broker().connections()
                        + " connections (threshold " + limits.brokerConnections() + ")");
            }
        }
        for (BalancerRow row : picture.balancer()) {
            if (!row.mismatch().isEmpty()) {
                lasting(holding, stillPending, now, AlertRule.WEIGHT_MISMATCH, serverName(row.server()),
                        limits.weightMismatchSeconds(), row.server() + ": " + row.mismatch());
            }
        }
        pendingSince.keySet().retainAll(stillPending.keySet());
        announce(holding, now, limits.notifyDesktop());
        health(picture, missing);
        figures(picture, limits);
    }

    private List<String> missingNodes(ClusterPicture picture) {
        if (picture.memberCount() == 0) {
            // Not connected: the status bar says so; every node is unknown, not missing.
            return List.of();
        }
        seen.putAll(picture.nodes());
        // A node that left DRAINED or STOPPING was stopped on purpose.
        seen.entrySet().removeIf(entry -> !picture.nodes().containsKey(entry.getKey())
                && (entry.getValue().state() == NodeState.DRAINED || entry.getValue().state() == NodeState.STOPPING));
        return seen.keySet().stream().filter(nodeId -> !picture.nodes().containsKey(nodeId)).sorted().toList();
    }

    private void nodeAlerts(Map<String, ConsoleAlert> holding, NodeStatus node, AlertThresholds limits) {
        NodeLoad load = node.load();
        if (load.saveP95Millis() > limits.saveP95Millis()) {
            hold(holding, AlertRule.SAVE_P95, node.nodeId(), String.format(Locale.ROOT,
                    "save p95 %.0f ms on %s (target %d ms), p99 %.0f ms, %.1f saves/s", load.saveP95Millis(),
                    node.nodeId(), limits.saveP95Millis(), load.saveP99Millis(), load.savesPerSecond()));
        }
        if (load.heapMaxBytes() > 0 && 100.0 * load.heapUsedBytes() / load.heapMaxBytes() > limits.heapPercent()) {
            hold(holding, AlertRule.HEAP, node.nodeId(), String.format(Locale.ROOT,
                    "heap %d of %d MiB (%.0f %%, threshold %d %%) on %s", load.heapUsedBytes() >> 20,
                    load.heapMaxBytes() >> 20, 100.0 * load.heapUsedBytes() / load.heapMaxBytes(),
                    limits.heapPercent(), node.nodeId()));
        }
        if (load.cpuLoad() >= 0 && load.cpuLoad() * 100 > limits.cpuPercent()) {
            hold(holding, AlertRule.CPU, node.nodeId(), String.format(Locale.ROOT,
                    "CPU %.0f %% on %s (threshold %d %%)", load.cpuLoad() * 100, node.nodeId(), limits.cpuPercent()));
        }
    }

    /** A condition that must last {@code seconds} before it is an alert. */
    private void lasting(Map<String, ConsoleAlert> holding, Map<String, Instant> stillPending, Instant now,
            AlertRule rule, String subject, int seconds, String message) {
        String key = rule + "/" + subject;
        Instant since = pendingSince.computeIfAbsent(key, ignored -> now);
        stillPending.put(key, since);
        if (!Duration.between(since, now).minusSeconds(seconds).isNegative()) {
            hold(holding, rule, subject, message);
        }
    }

    private void hold(Map<String, ConsoleAlert> holding, AlertRule rule, String subject, String message) {
        ConsoleAlert alert = new ConsoleAlert(rule, subject, message, "");
        ConsoleAlert earlier = active.get(alert.key());
        holding.put(alert.key(), new ConsoleAlert(rule, subject, message,
                earlier == null ? time.format(clock.instant()) : earlier.since()));
    }

    private void announce(Map<String, ConsoleAlert> holding, Instant now, boolean notify) {
        for (ConsoleAlert alert : holding.values()) {
            if (!active.containsKey(alert.key())) {
                sink.raised(event(now, alert.severity(), alert.subject(), alert.rule().title() + ": "
                        + alert.message()), notify);
            }
        }
        for (ConsoleAlert gone : active.values()) {
            if (!holding.containsKey(gone.key())) {
                sink.raised(event(now, EventSeverity.INFO, gone.subject(), "Resolved: " + gone.rule().title()
                        + " (" + gone.subject() + ")"), false);
            }
        }
        active.clear();
        active.putAll(holding);
        List<ConsoleAlert> sorted = new ArrayList<>(holding.values());
        sorted.sort(Comparator.comparing((ConsoleAlert alert) -> alert.severity() != EventSeverity.CRITICAL)
                .thenComparing(ConsoleAlert::rule).thenComparing(ConsoleAlert::subject));
        if (!sorted.equals(alerts)) {
            alerts.setAll(sorted);
        }
    }

    private static ClusterEvent event(Instant now, EventSeverity severity, String subject, String message) {
        return new ClusterEvent(UUID.randomUUID().toString(), now.toEpochMilli(), ClusterEventKind.CONSOLE_ALERT,
                severity, subject, message);
    }

    private void health(ClusterPicture picture, List<String> missing) {
        if (picture.memberCount() == 0) {
            verdict.set("Not connected");
            verdictTone.set(Tone.NEUTRAL);
        } else if (alerts.isEmpty()) {
            verdict.set("All is well");
            verdictTone.set(Tone.GOOD);
        } else {
            long critical = alerts.stream().filter(alert -> alert.severity() == EventSeverity.CRITICAL).count();
            verdict.set(alerts.size() == 1 ? "1 alert needs you" : alerts.size() + " alerts need you");
            verdictTone.set(critical > 0 ? Tone.BAD : Tone.BUSY);
        }
        long ready = count(picture, NodeState.READY);
        long draining = count(picture, NodeState.DRAINING) + count(picture, NodeState.DRAINED);
        long other = picture.nodes().size() - ready - draining;
        int silent = Math.max(0, picture.memberCount() - picture.nodes().size());
        nodesHealth.set(ready + " ready · " + draining + " draining · " + missing.size() + " missing"
                + (other > 0 ? " · " + other + " starting or stopping" : "")
                + (silent > 0 ? " · " + silent + " member(s) without status" : ""));
        nodesTone.set(picture.memberCount() == 0 ? Tone.NEUTRAL
                : !missing.isEmpty() || ready == 0 ? Tone.BAD : draining + other > 0 ? Tone.BUSY : Tone.GOOD);

        safety.set(picture.memberCount() == 0 ? "–" : picture.safety());
        safetyTone.set(picture.memberCount() == 0 ? Tone.NEUTRAL : picture.clusterSafe() ? Tone.GOOD : Tone.BAD);

        long linked = picture.nodes().values().stream().filter(NodeStatus::brokerConnected).count();
        String links = linked + " of " + picture.nodes().size() + " nodes linked";
        if (picture.broker() != null && picture.brokerProblem().isEmpty()) {
            long backlog = picture.broker().queues().stream().mapToLong(QueueRow::messages).sum();
            broker.set("up — " + links + ", " + picture.broker().connections() + " connections, " + backlog
                    + " messages queued");
            brokerTone.set(linked == picture.nodes().size() ? Tone.GOOD : Tone.BAD);
        } else {
            broker.set(links + (picture.brokerProblem().isEmpty() ? "" : " — JMX: " + picture.brokerProblem()));
            brokerTone.set(linked < picture.nodes().size() ? Tone.BAD : Tone.NEUTRAL);
        }

        long mismatches = picture.balancer().stream().filter(row -> !row.mismatch().isEmpty()).count();
        balancer.set(picture.balancerSummary());
        balancerTone.set(picture.balancer().isEmpty() ? Tone.NEUTRAL : mismatches > 0 ? Tone.BAD : Tone.GOOD);
    }

    private void figures(ClusterPicture picture, AlertThresholds limits) {
        List<NodeLoad> loads = picture.nodes().values().stream().map(NodeStatus::load).toList();
        int sessionCount = loads.stream().mapToInt(NodeLoad::webSocketSessions).sum();
        int users = loads.stream().mapToInt(NodeLoad::users).sum();
        sessions.set(String.format(Locale.ROOT, "%,d sessions · %,d users", sessionCount, users));
        savesPerSecond.set(String.format(Locale.ROOT, "%,.1f saves/s", loads.stream()
                .mapToDouble(NodeLoad::savesPerSecond).sum()));
        // Percentiles do not add up: the worst node's is the cluster's honest upper bound.
        NodeStatus worst = picture.nodes().values().stream()
                .max(Comparator.comparingDouble(node -> node.load().saveP95Millis())).orElse(null);
        double p95 = worst == null ? 0 : worst.load().saveP95Millis();
        double p99 = loads.stream().mapToDouble(NodeLoad::saveP99Millis).max().orElse(0);
        saveP95.set(String.format(Locale.ROOT, "%,.0f ms / target %,d ms", p95, limits.saveP95Millis())
                + (worst == null || picture.nodes().size() < 2 ? "" : " (worst: " + worst.nodeId() + ")"));
        saveP99.set(String.format(Locale.ROOT, "%,.0f ms", p99));
        saveTone.set(worst == null ? Tone.NEUTRAL : p95 > limits.saveP95Millis() ? Tone.BAD : Tone.GOOD);
        fanOut.set(String.format(Locale.ROOT, "%,.0f msg/s", loads.stream()
                .mapToDouble(NodeLoad::deliveredPerSecond).sum()));
    }

    private static long count(ClusterPicture picture, NodeState state) {
        return picture.nodes().values().stream().filter(node -> node.state() == state).count();
    }

    /** HAProxy rows are named {@code backend/server} (the server is the node id), or the node id alone. */
    private static String serverName(String server) {
        int slash = Objects.requireNonNull(server).indexOf('/');
        return slash < 0 ? server : server.substring(slash + 1);
    }
}
