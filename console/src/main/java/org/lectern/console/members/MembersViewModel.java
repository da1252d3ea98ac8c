package org.lectern.console.members;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.connection.ClusterSnapshot;
import org.lectern.console.ui.BackgroundExecutor;
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
        memberCount.set(snapshot.memberUuids().size());
    }
}
