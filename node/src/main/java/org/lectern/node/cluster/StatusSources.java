package org.lectern.node.cluster;

import java.time.Duration;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.ReplicaCounts;

/**
 * What other parts of the node contribute to its published {@link org.lectern.shared.cluster.NodeStatus}. Each is
 * optional: a node without the part reports the neutral value.
 */
public final class StatusSources {

    private StatusSources() {
    }

    /** What the node carries: sessions, users, saves, heap, CPU. */
    @FunctionalInterface
    public interface Load {
        NodeLoad current();
    }

    /** The node's share of the live-submissions map. */
    @FunctionalInterface
    public interface Replicas {
        ReplicaCounts current();
    }

    /** How late the node's acknowledged live saves reach the database: the age of its oldest unflushed one. */
    @FunctionalInterface
    public interface FlushLag {
        Duration current();
    }

    /** Whether the node owns the cluster's scheduler. */
    @FunctionalInterface
    public interface SchedulerOwner {
        boolean isLocalOwner();
    }
}
