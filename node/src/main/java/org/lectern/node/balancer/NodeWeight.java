package org.lectern.node.balancer;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.node.cluster.NodeWeightBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * This node's weight: the one an operator last set (through the cluster, or stored in the database from before a
 * restart), else {@code lectern.node.weight}, else one unit per four available processors (thesis table 6.1).
 * A weight set through the cluster's {@code lectern.node-weights} map, by {@link #setWeight} on this node or on
 * another one (signed, see {@link NodeWeightBoard}), takes effect at once and is stored.
 */
@Component
class NodeWeight implements WeightControl {

    private static final Logger log = LoggerFactory.getLogger(NodeWeight.class);
    private static final int PROCESSORS_PER_UNIT = 4;

    private final String nodeId;
    private final NodeWeightBoard board;
    private final NodeWeightStore store;
    private final AtomicInteger weight;

    @Autowired
    NodeWeight(NodeProperties node, NodeWeightBoard board, NodeWeightStore store) {
        this(node, board, store, Runtime.getRuntime().availableProcessors());
    }

    NodeWeight(NodeProperties node, NodeWeightBoard board, NodeWeightStore store, int availableProcessors) {
        this.nodeId = node.id();
        this.board = board;
        this.store = store;
        this.weight = new AtomicInteger(startingWeight(node, availableProcessors));
        board.onChange(nodeId, this::changedInCluster);
        log.info("Node {} starts with load-balancing weight {}", nodeId, weight.get());
    }

    /** One unit per four processors, at least one: the node is CPU-bound, not memory-bound (thesis 6.1). */
    static int defaultWeight(int availableProcessors) {
        return Math.min(MAX_WEIGHT, Math.max(1, availableProcessors / PROCESSORS_PER_UNIT));
    }

    private int startingWeight(NodeProperties node, int availableProcessors) {
        // The cluster's entry is the newest when the cluster outlived this node; after a whole-cluster restart it
        // is gone and the database has the last one.
        OptionalInt inCluster = board.find(nodeId).stream().filter(NodeWeight::valid).findFirst();
        if (inCluster.isPresent()) {
            store.save(nodeId, inCluster.getAsInt());
            return inCluster.getAsInt();
        }
        OptionalInt stored = store.find(nodeId);
        if (stored.isPresent()) {
            return stored.getAsInt();
        }
        return node.weight() != null ? node.weight() : defaultWeight(availableProcessors);
    }

    @Override
    public int weight() {
        return weight.get();
    }

    @Override
    public void setWeight(int weight) {
        if (!valid(weight)) {
            throw new IllegalArgumentException("A weight is 0.." + MAX_WEIGHT + ", not " + weight);
        }
        apply(weight);
        board.put(nodeId, weight);
    }

    private void changedInCluster(int weight) {
        if (!valid(weight)) {
            log.warn("Ignored weight {} set in the cluster for node {}: a weight is 0..{}", weight, nodeId, MAX_WEIGHT);
            return;
        }
        apply(weight);
    }

    private synchronized void apply(int next) {
        int previous = weight.get();
        if (previous == next) {
            return;
        }
        store.save(nodeId, next);
        weight.set(next);
        log.info("Load-balancing weight of node {} changed from {} to {}", nodeId, previous, next);
    }

    private static boolean valid(int weight) {
        return weight >= 0 && weight <= MAX_WEIGHT;
    }
}
