package org.lectern.shared.cluster;

/** Where a node is in its life cycle, as it tells the rest of the cluster. */
public enum NodeState {
    /** Started the JVM, not yet serving: the load balancer must not send students here. */
    STARTING,
    /** Serving requests. */
    READY,
    /** Serving the users it has, taking no new ones, handing its work to the others. */
    DRAINING,
    /** Shutting down. */
    STOPPING
}
