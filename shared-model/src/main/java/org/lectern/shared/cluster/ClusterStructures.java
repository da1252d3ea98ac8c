package org.lectern.shared.cluster;

/**
 * Names of the distributed structures that node and console share. One list, so neither side guesses.
 */
public final class ClusterStructures {

    /** Default Hazelcast cluster name, when the operator configures none. */
    public static final String DEFAULT_CLUSTER_NAME = "lectern";

    /** Default port of a node's Hazelcast member. */
    public static final int DEFAULT_MEMBER_PORT = 5701;

    /** Map of node id to {@link NodeStatus}; entries expire when a node stops publishing. */
    public static final String NODE_STATUS = "lectern.node-status";

    private ClusterStructures() {
    }
}
