package org.lectern.node.cluster;

import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The operator-set weights of the nodes, shared through the cluster ({@link
 * org.lectern.shared.cluster.ClusterStructures#NODE_WEIGHTS}), so that a weight written on any member or by a
 * console reaches the node it is for. Only weights a node signed with the operator credential count: the map is
 * writable by anyone who reaches the cluster port.
 */
public interface NodeWeightBoard {

    /** The weight last set for the node, if any (empty too when the cluster cannot answer). */
    OptionalInt find(String nodeId);

    /** Sets the node's weight in the cluster. */
    void put(String nodeId, int weight);

    /** Calls {@code listener} with every weight set for the node from now on by a node (signed). */
    void onChange(String nodeId, IntConsumer listener);
}
