package org.lectern.shared.cluster;

/** Where a node is in its life cycle, as it tells the rest of the cluster and the load balancer. */
public enum NodeState {
    /** Started the JVM, not yet serving: the load balancer must not send students here. */
    STARTING,
    /** Serving requests. */
    READY,
    /** Serving the users it has, taking no new ones, handing its work to the others. */
    DRAINING,
    /** Holds no users and no work of its own any more: safe to stop or update. */
    DRAINED,
    /** Shutting down. */
    STOPPING;

    /** Whether the load balancer may send this node new users. */
    public boolean acceptsNewUsers() {
        return this == READY;
    }

    /** Whether the node may own cluster-wide work such as the scheduler. */
    public boolean mayOwnWork() {
        return this == READY || this == STARTING;
    }
}
