package org.lectern.console.members;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;

/**
 * One node in the members table. Updated in place on every refresh, so the table keeps its selection and
 * scroll position while the numbers change.
 */
public final class MemberRow {

    /** One attribute for the details pane. */
    public record Detail(String category, String name, String value) {
    }

    private final ReadOnlyStringWrapper nodeId;
    private final ReadOnlyObjectWrapper<NodeState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(this, "version");
    private final ReadOnlyStringWrapper schemaVersion = new ReadOnlyStringWrapper(this, "schemaVersion");
    private final ReadOnlyStringWrapper httpAddress = new ReadOnlyStringWrapper(this, "httpAddress");
    private final ReadOnlyObjectWrapper<Integer> weight = new ReadOnlyObjectWrapper<>(this, "weight");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper(this, "uptime");
    private final ReadOnlyStringWrapper lastPublished = new ReadOnlyStringWrapper(this, "lastPublished");
    private final ReadOnlyBooleanWrapper brokerConnected = new ReadOnlyBooleanWrapper(this, "brokerConnected");
    private final ReadOnlyObjectWrapper<Integer> sessions = new ReadOnlyObjectWrapper<>(this, "sessions");
    private final ReadOnlyObjectWrapper<Integer> users = new ReadOnlyObjectWrapper<>(this, "users");
    private final ReadOnlyStringWrapper savesPerSecond = new ReadOnlyStringWrapper(this, "savesPerSecond");
    private final ReadOnlyStringWrapper saveP95 = new ReadOnlyStringWrapper(this, "saveP95");
    private final ReadOnlyStringWrapper flushLag = new ReadOnlyStringWrapper(this, "flushLag");
    private final ReadOnlyStringWrapper heap = new ReadOnlyStringWrapper(this, "heap");
    private final ReadOnlyStringWrapper cpu = new ReadOnlyStringWrapper(this, "cpu");
    private final ReadOnlyStringWrapper badges = new ReadOnlyStringWrapper(this, "badges", "");
    private final ReadOnlyBooleanWrapper versionMismatch = new ReadOnlyBooleanWrapper(this, "versionMismatch");
    private final ReadOnlyBooleanWrapper schemaMismatch = new ReadOnlyBooleanWrapper(this, "schemaMismatch");
    private final ReadOnlyStringWrapper deviation = new ReadOnlyStringWrapper(this, "deviation", "");
    private final ReadOnlyStringWrapper flags = new ReadOnlyStringWrapper(this, "flags", "");
    private final ReadOnlyObjectWrapper<List<Detail>> details = new ReadOnlyObjectWrapper<>(this, "details", List.of());
    private NodeStatus status;

    MemberRow(NodeStatus status, Instant now) {
        this.nodeId = new ReadOnlyStringWrapper(this, "nodeId", status.nodeId());
        update(status, now);
    }

    void update(NodeStatus newStatus, Instant now) {
        status = newStatus;
        NodeLoad load = newStatus.load();
        state.set(newStatus.state());
        version.set(newStatus.version());
        schemaVersion.set(newStatus.schemaVersion());
        httpAddress.set(newStatus.httpAddress());
        weight.set(newStatus.weight());
        uptime.set(formatUptime(Duration.between(newStatus.startedAt(), now)));
        lastPublished.set(formatAge(Duration.between(newStatus.publishedAt(), now)));
        brokerConnected.set(newStatus.brokerConnected());
        sessions.set(load.webSocketSessions());
        users.set(load.users());
        savesPerSecond.set(String.format(Locale.ROOT, "%.1f", load.savesPerSecond()));
        saveP95.set(String.format(Locale.ROOT, "%.0f ms", load.saveP95Millis()));
        flushLag.set(formatFlushLag(newStatus.flushLag()));
        heap.set(formatHeap(load.heapUsedBytes(), load.heapMaxBytes()));
        cpu.set(load.cpuLoad() < 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", load.cpuLoad() * 100));
    }

    /** Set by the view-model, which compares the node with the others. */
    void assess(boolean oldest, boolean versionDiffers, boolean schemaDiffers, String deviationText) {
        List<String> marks = new ArrayList<>();
        if (status.schedulerOwner()) {
            marks.add("scheduler");
        }
        if (oldest) {
            marks.add("oldest");
        }
        badges.set(String.join(" · ", marks));
        versionMismatch.set(versionDiffers);
        schemaMismatch.set(schemaDiffers);
        deviation.set(deviationText);
        List<String> flagged = new ArrayList<>();
        if (versionDiffers) {
            flagged.add("version differs from the cluster");
        }
        if (schemaDiffers) {
            flagged.add("schema differs from the cluster");
        }
        if (!deviationText.isEmpty()) {
            flagged.add(deviationText);
        }
        flags.set(String.join("; ", flagged));
        details.set(describe(status, oldest));
    }

    /** The status the row shows. */
    public NodeStatus status() {
        return status;
    }

    public String nodeId() {
        return nodeId.get();
    }

    public ReadOnlyStringProperty nodeIdProperty() {
        return nodeId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaVersionProperty() {
        return schemaVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty httpAddressProperty() {
        return httpAddress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> weightProperty() {
        return weight.getReadOnlyProperty();
    }

    /** How long the node has run, e.g. {@code 3 h 12 min}. */
    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    /** How long ago the node last published its status, e.g. {@code 2 s ago}. */
    public ReadOnlyStringProperty lastPublishedProperty() {
        return lastPublished.getReadOnlyProperty();
    }

    /** Whether the node reaches the message broker; while it does not, its users get no real-time messages. */
    public ReadOnlyBooleanProperty brokerConnectedProperty() {
        return brokerConnected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> sessionsProperty() {
        return sessions.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> usersProperty() {
        return users.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savesPerSecondProperty() {
        return savesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveP95Property() {
        return saveP95.getReadOnlyProperty();
    }

    /** How late the node's acknowledged live saves reach the database, e.g. {@code 0.4 s}. */
    public ReadOnlyStringProperty flushLagProperty() {
        return flushLag.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty heapProperty() {
        return heap.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cpuProperty() {
        return cpu.getReadOnlyProperty();
    }

    /** {@code scheduler} when the node owns the scheduler, {@code oldest} for the oldest member. */
    public ReadOnlyStringProperty badgesProperty() {
        return badges.getReadOnlyProperty();
    }

    /** The node runs another version than most of the cluster. */
    public ReadOnlyBooleanProperty versionMismatchProperty() {
        return versionMismatch.getReadOnlyProperty();
    }

    /** The node was built for another database schema than most of the cluster. */
    public ReadOnlyBooleanProperty schemaMismatchProperty() {
        return schemaMismatch.getReadOnlyProperty();
    }

    /** How the node deviates from the cluster's average load or latency; empty when it does not. */
    public ReadOnlyStringProperty deviationProperty() {
        return deviation.getReadOnlyProperty();
    }

    /** Everything that sets the node apart from the cluster, in words; empty when nothing does. */
    public ReadOnlyStringProperty flagsProperty() {
        return flags.getReadOnlyProperty();
    }

    /** Every attribute, for the details pane. */
    public ReadOnlyObjectProperty<List<Detail>> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    private static List<Detail> describe(NodeStatus status, boolean oldest) {
        NodeLoad load = status.load();
        return List.of(
                new Detail("Node", "Node id", status.nodeId()),
                new Detail("Node", "Member UUID", status.memberUuid()),
                new Detail("Node", "HTTP address", status.httpAddress()),
                new Detail("Node", "Version", status.version()),
                new Detail("Node", "Schema version", status.schemaVersion()),
                new Detail("Node", "Started", status.startedAt().toString()),
                new Detail("Node", "Published", status.publishedAt().toString()),
                new Detail("Node", "State", status.state().name()),
                new Detail("Node", "Weight", Integer.toString(status.weight())),
                new Detail("Node", "Broker connected", Boolean.toString(status.brokerConnected())),
                new Detail("Node", "Scheduler owner", Boolean.toString(status.schedulerOwner())),
                new Detail("Node", "Oldest member", Boolean.toString(oldest)),
                new Detail("Load", "WebSocket sessions", Integer.toString(load.webSocketSessions())),
                new Detail("Load", "Users", Integer.toString(load.users())),
                new Detail("Load", "Saves per second", String.format(Locale.ROOT, "%.2f", load.savesPerSecond())),
                new Detail("Load", "Save p95", String.format(Locale.ROOT, "%.1f ms", load.saveP95Millis())),
                new Detail("Load", "Flush lag", formatFlushLag(status.flushLag())),
                new Detail("Load", "Heap", formatHeap(load.heapUsedBytes(), load.heapMaxBytes())),
                new Detail("Load", "CPU", load.cpuLoad() < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f %%", load.cpuLoad() * 100)),
                new Detail("Load", "Denied subscriptions", Long.toString(load.deniedSubscriptions())),
                new Detail("Load", "Broker connections", Integer.toString(load.brokerConnections())),
                new Detail("Load", "Broker subscriptions", Integer.toString(load.brokerSubscriptions())),
                new Detail("Replicas", "Owned live submissions", Long.toString(status.replicas().ownedEntries())),
                new Detail("Replicas", "Backup live submissions", Long.toString(status.replicas().backupEntries())),
                new Detail("Replicas", "Local partitions safe", Boolean.toString(status.replicas().localMemberSafe())));
    }

    static String formatHeap(long used, long max) {
        if (max <= 0) {
            return "–";
        }
        return (used >> 20) + " / " + (max >> 20) + " MiB";
    }

    static String formatFlushLag(Duration lag) {
        return String.format(Locale.ROOT, "%.1f s", lag.toMillis() / 1000.0);
    }

    static String formatUptime(Duration uptime) {
        // Clocks of node and console differ a little; a node that started "in the future" has just started.
        Duration span = uptime.isNegative() ? Duration.ZERO : uptime;
        if (span.toMinutes() < 1) {
            return span.toSeconds() + " s";
        }
        if (span.toHours() < 1) {
            return span.toMinutes() + " min " + span.toSecondsPart() + " s";
        }
        if (span.toDays() < 1) {
            return span.toHours() + " h " + span.toMinutesPart() + " min";
        }
        return span.toDays() + " d " + span.toHoursPart() + " h";
    }

    static String formatAge(Duration age) {
        Duration span = age.isNegative() ? Duration.ZERO : age;
        if (span.toMinutes() < 1) {
            return span.toSeconds() + " s ago";
        }
        return span.toMinutes() + " min ago";
    }
}
