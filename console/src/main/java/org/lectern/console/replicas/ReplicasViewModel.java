package org.lectern.console.replicas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.connection.ClusterSnapshot;
import org.lectern.console.connection.PartitionSnapshot;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;

/**
 * "Is every answer stored twice right now?": the live-submissions map's owned and backup counts per member (from
 * the nodes' {@code ReplicaCounts}) and its partitions (from the client), with one red/green verdict.
 */
public final class ReplicasViewModel {

    private final Callable<PartitionSnapshot> partitions;
    private final BackgroundExecutor background;
    private final ObservableList<ReplicaRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper clusterSafe = new ReadOnlyBooleanWrapper(this, "clusterSafe");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "Not connected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private boolean fetching;

    public ReplicasViewModel(Callable<PartitionSnapshot> partitions, BackgroundExecutor background) {
        this.partitions = partitions;
        this.background = background;
    }

    public ObservableList<ReplicaRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyBooleanProperty clusterSafeProperty() {
        return clusterSafe.getReadOnlyProperty();
    }

    /** The answer in one sentence, with the reason when it is "no". */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Map name, entries, backup count and partitions. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A fresh cluster snapshot: fetches the partition table to go with it. */
    public void update(ClusterSnapshot snapshot) {
        if (fetching) {
            return;
        }
        fetching = true;
        background.run(partitions, table -> {
            fetching = false;
            apply(snapshot, table);
        }, failure -> fetching = false);
    }

    void apply(ClusterSnapshot snapshot, PartitionSnapshot table) {
        Map<String, NodeStatus> byMember = snapshot.statuses().stream()
                .filter(status -> snapshot.memberUuids().contains(status.memberUuid()))
                .collect(Collectors.toMap(NodeStatus::memberUuid, Function.identity(), (a, b) -> b));
        List<ReplicaRow> fresh = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (String member : snapshot.memberUuids()) {
            NodeStatus status = byMember.get(member);
            int owned = table.partitionsByOwner().getOrDefault(member, 0);
            if (status == null) {
                silent.add(member);
                fresh.add(new ReplicaRow(member, 0, 0, owned, false));
            } else {
                fresh.add(new ReplicaRow(status.nodeId(), status.replicas().ownedEntries(),
                        status.replicas().backupEntries(), owned, status.replicas().localMemberSafe()));
            }
        }
        fresh.sort(Comparator.comparing(ReplicaRow::nodeId));
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
        long owned = fresh.stream().mapToLong(ReplicaRow::owned).sum();
        long backup = fresh.stream().mapToLong(ReplicaRow::backup).sum();
        summary.set(ClusterStructures.LIVE_SUBMISSIONS + ": " + table.entries() + " entries, 1 synchronous backup, "
                + table.partitionCount() + " partitions" + (table.unownedPartitions() > 0
                        ? " (" + table.unownedPartitions() + " without owner)" : ""));
        String problem = problem(fresh, silent, table, owned, backup);
        clusterSafe.set(problem.isEmpty());
        verdict.set(problem.isEmpty()
                ? "Cluster safe: every live submission (" + owned + ") is stored on two members"
                : "NOT safe: " + problem);
    }

    private static String problem(List<ReplicaRow> rows, List<String> silent, PartitionSnapshot table, long owned,
            long backup) {
        if (rows.isEmpty()) {
            return "not connected to any member";
        }
        if (rows.size() < 2) {
            return "only one member, so there is no second copy";
        }
        if (!silent.isEmpty()) {
            return silent.size() + " member(s) have not reported their counts yet";
        }
        if (table.unownedPartitions() > 0) {
            return table.unownedPartitions() + " partitions have no owner (migration under way)";
        }
        List<String> syncing = rows.stream().filter(row -> !row.safe()).map(ReplicaRow::nodeId).toList();
        if (!syncing.isEmpty()) {
            return String.join(", ", syncing) + " still syncing backups";
        }
        if (backup < owned) {
            return (owned - backup) + " of " + owned + " live submissions have no backup";
        }
        return "";
    }
}
