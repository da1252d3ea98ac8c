package org.lectern.console.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.console.support.Statuses.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.console.connection.ClusterSnapshot;
import org.lectern.console.connection.PartitionSnapshot;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;

class ReplicasViewModelTest {

    private final ReplicasViewModel viewModel = new ReplicasViewModel(() -> PartitionSnapshot.EMPTY,
            new SynchronousBackgroundExecutor());
    private final PartitionSnapshot spread = new PartitionSnapshot(30, 271, Map.of("uuid-node-a", 136, "uuid-node-b", 135), 0);

    private static NodeStatus node(String id, long owned, long backup, boolean safe) {
        return status(id, NodeState.READY, NodeLoad.IDLE, new ReplicaCounts(owned, backup, safe), false);
    }

    private static ClusterSnapshot cluster(NodeStatus... statuses) {
        return new ClusterSnapshot(Set.of("uuid-node-a", "uuid-node-b"), List.of(statuses));
    }

    @Test
    void shouldSayGreenWhenEveryEntryHasABackup() {
        viewModel.apply(cluster(node("node-a", 16, 14, true), node("node-b", 14, 16, true)), spread);

        assertThat(viewModel.clusterSafeProperty().get()).isTrue();
        assertThat(viewModel.verdictProperty().get()).isEqualTo("Cluster safe: every live submission (30) is stored on two members");
        assertThat(viewModel.rows()).containsExactly(new ReplicaRow("node-a", 16, 14, 136, true),
                new ReplicaRow("node-b", 14, 16, 135, true));
        assertThat(viewModel.summaryProperty().get()).isEqualTo("lectern.live-submissions: 30 entries, 1 synchronous backup, 271 partitions");
    }

    @Test
    void shouldSayRedWhenBackupsAreMissing() {
        viewModel.apply(cluster(node("node-a", 16, 4, true), node("node-b", 14, 16, true)), spread);

        assertThat(viewModel.clusterSafeProperty().get()).isFalse();
        assertThat(viewModel.verdictProperty().get()).isEqualTo("NOT safe: 10 of 30 live submissions have no backup");
    }

    @Test
    void shouldSayRedWhenAMemberIsStillSyncing() {
        viewModel.apply(cluster(node("node-a", 15, 15, false), node("node-b", 15, 15, true)), spread);

        assertThat(viewModel.verdictProperty().get()).isEqualTo("NOT safe: node-a still syncing backups");
    }

    @Test
    void shouldSayRedWhenOnlyOneMemberIsLeft() {
        viewModel.apply(new ClusterSnapshot(Set.of("uuid-node-a"), List.of(node("node-a", 30, 0, true))), spread);

        assertThat(viewModel.verdictProperty().get()).isEqualTo("NOT safe: only one member, so there is no second copy");
    }

    @Test
    void shouldSayRedWhenPartitionsHaveNoOwner() {
        viewModel.apply(cluster(node("node-a", 15, 15, true), node("node-b", 15, 15, true)),
                new PartitionSnapshot(30, 271, Map.of("uuid-node-a", 200), 71));

        assertThat(viewModel.verdictProperty().get()).isEqualTo("NOT safe: 71 partitions have no owner (migration under way)");
    }

    @Test
    void shouldSayRedWhenAMemberHasNotReported() {
        viewModel.apply(cluster(node("node-a", 15, 15, true)), spread);

        assertThat(viewModel.verdictProperty().get()).isEqualTo("NOT safe: 1 member(s) have not reported their counts yet");
    }
}
