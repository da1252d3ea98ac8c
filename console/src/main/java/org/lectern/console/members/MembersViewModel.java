package org.lectern.console.members;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.connection.ClusterSnapshot;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live members table: one row per node that is a cluster member and has published its status, sorted by
 * node id. Lives on the FX thread; snapshots are taken on a worker through the {@link BackgroundExecutor}.
 */
public final class MembersViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MembersViewModel.class);

    private final Callable<ClusterSnapshot> snapshots;
    private final BackgroundExecutor background;
    private final Clock clock;
    private final ObservableList<MemberRow> rows = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper memberCount = new ReadOnlyIntegerWrapper(this, "memberCount");
    private final ReadOnlyObjectWrapper<ClusterSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(this, "snapshot", ClusterSnapshot.EMPTY);
    private final ReadOnlyObjectWrapper<Map<String, NodeStatus>> nodes = new ReadOnlyObjectWrapper<>(this, "nodes", Map.of());
    private final ReadOnlyStringWrapper clusterWarning = new ReadOnlyStringWrapper(this, "clusterWarning", "");
    private boolean refreshing;

    /**
     * @param snapshots  takes a snapshot of the cluster; blocks, so it runs on a worker
     * @param background runs {@code snapshots} off the FX thread
     * @param clock      for uptime and age of the published statuses
     */
    public MembersViewModel(Callable<ClusterSnapshot> snapshots, BackgroundExecutor background, Clock clock) {
        this.snapshots = snapshots;
        this.background = background;
        this.clock = clock;
    }

    public ObservableList<MemberRow> rows() {
        return rowsView;
    }

    /** How many members the cluster has, including any that have not published a status yet. */
    public ReadOnlyIntegerProperty memberCountProperty() {
        return memberCount.getReadOnlyProperty();
    }

    /** The latest snapshot, for the views that show other sides of it. */
    public ReadOnlyObjectProperty<ClusterSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The statuses of current members by node id, as the table shows them. */
    public ReadOnlyObjectProperty<Map<String, NodeStatus>> nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    /** Mixed versions or schemas in one sentence; empty when the cluster agrees. */
    public ReadOnlyStringProperty clusterWarningProperty() {
        return clusterWarning.getReadOnlyProperty();
    }

    /**
     * Takes a fresh snapshot and shows it. Asked for every second and whenever membership changes; a request
     * that comes while one is under way is dropped, so a slow cluster cannot pile up work.
     */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        background.run(snapshots, snapshot -> {
            refreshing = false;
            apply(snapshot);
        }, failure -> {
            refreshing = false;
            // The connection state in the status bar tells the operator; the next refresh tries again.
            LOG.debug("Could not take a cluster snapshot", failure);
        });
    }

    void apply(ClusterSnapshot snapshot) {
        Instant now = clock.instant();
        this.snapshot.set(snapshot);
        // A status whose member has left is stale even before its entry expires.
        Map<String, NodeStatus> visible = snapshot.statuses().stream()
                .filter(status -> snapshot.memberUuids().contains(status.memberUuid()))
                .collect(Collectors.toMap(NodeStatus::nodeId, Function.identity(), (first, second) -> second, TreeMap::new));
        rows.removeIf(row -> !visible.containsKey(row.nodeId()));
        // Rows and statuses are both sorted by node id: walk them together, update matches, insert the rest.
        int index = 0;
        for (NodeStatus status : visible.values()) {
            if (index < rows.size() && rows.get(index).nodeId().equals(status.nodeId())) {
                rows.get(index).update(status, now);
            } else {
                rows.add(index, new MemberRow(status, now));
            }
            index++;
        }
        String mainVersion = mostCommon(visible.values(), NodeStatus::version);
        String mainSchema = mostCommon(visible.values(), NodeStatus::schemaVersion);
        for (MemberRow row : rows) {
            NodeStatus status = row.status();
            row.assess(status.memberUuid().equals(snapshot.oldestMemberUuid()), !status.version().equals(mainVersion),
                    !status.schemaVersion().equals(mainSchema), deviation(status, visible.values()));
        }
        clusterWarning.set(warning(visible.values()));
        nodes.set(Map.copyOf(visible));
        memberCount.set(snapshot.memberUuids().size());
    }

    /**
     * How far the node is from the cluster's average ("cluster baselines"): a figure more than half again the
     * average of all nodes, and above a floor so that an idle cluster's noise is no alarm.
     */
    static String deviation(NodeStatus node, Collection<NodeStatus> all) {
        if (all.size() < 2) {
            return "";
        }
        List<String> reasons = new ArrayList<>();
        check(reasons, node, all, "sessions", load -> load.webSocketSessions(), 10, "%.0f");
        check(reasons, node, all, "saves/s", NodeLoad::savesPerSecond, 1, "%.1f");
        check(reasons, node, all, "save p95", NodeLoad::saveP95Millis, 50, "%.0f ms");
        check(reasons, node, all, "CPU", load -> Math.max(0, load.cpuLoad()) * 100, 20, "%.0f %%");
        return String.join("; ", reasons);
    }

    private static void check(List<String> reasons, NodeStatus node, Collection<NodeStatus> all, String name,
            ToDoubleFunction<NodeLoad> figure, double floor, String format) {
        double average = all.stream().mapToDouble(status -> figure.applyAsDouble(status.load())).average().orElse(0);
        double value = figure.applyAsDouble(node.load());
        if (value > average * 1.5 && value - average > floor) {
            reasons.add(name + " " + String.format(Locale.ROOT, format, value) + " vs. average "
                    + String.format(Locale.ROOT, format, average));
        }
    }

    private static String mostCommon(Collection<NodeStatus> statuses, Function<NodeStatus, String> attribute) {
        return statuses.stream()
                .collect(Collectors.groupingBy(attribute, TreeMap::new, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }

    private static String warning(Collection<NodeStatus> statuses) {
        List<String> problems = new ArrayList<>();
        describeMix(statuses, NodeStatus::version, "Mixed versions").ifPresent(problems::add);
        describeMix(statuses, NodeStatus::schemaVersion, "Schema mismatch").ifPresent(problems::add);
        return String.join(" — ", problems);
    }

    private static Optional<String> describeMix(Collection<NodeStatus> statuses,
            Function<NodeStatus, String> attribute, String title) {
        Map<String, List<String>> byValue = statuses.stream().collect(Collectors.groupingBy(attribute, TreeMap::new,
                Collectors.mapping(NodeStatus::nodeId, Collectors.toList())));
        if (byValue.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(title + ": " + byValue.entrySet().stream()
                .map(entry -> entry.getKey() + " on " + entry.getValue().stream().sorted(Comparator.naturalOrder())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }
}
