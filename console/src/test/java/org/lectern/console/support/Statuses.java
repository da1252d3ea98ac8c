package org.lectern.console.support;

import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;

/** Node statuses for view-model tests. */
public final class Statuses {

    public static final long NOW = 1_790_000_000_000L;

    private Statuses() {
    }

    public static NodeStatus status(String nodeId, NodeState state) {
        return status(nodeId, state, NodeLoad.IDLE, ReplicaCounts.UNKNOWN, false);
    }

    public static NodeStatus status(String nodeId, NodeState state, NodeLoad load, ReplicaCounts replicas,
            boolean schedulerOwner) {
        return new NodeStatus(nodeId, "uuid-" + nodeId, nodeId + ":8080", "1.0.0", "2", NOW - 60_000, 100, state, NOW,
                true, schedulerOwner, load, replicas);
    }

    public static NodeLoad load(int sessions, int users, double savesPerSecond, double p95) {
        return new NodeLoad(sessions, users, savesPerSecond, p95, 100L << 20, 1024L << 20, 0.1, 0, 1, 0);
    }
}
