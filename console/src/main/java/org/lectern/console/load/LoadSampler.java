package org.lectern.console.load;

import java.util.Collection;
import java.util.List;
import org.lectern.shared.cluster.NodeStatus;

/** Takes one sample per node. Runs on a worker. */
public interface LoadSampler {

    /**
     * The figures every node publishes in its status record (every 2 s), which the console always reads; see
     * docs/decisions.md for why not the nodes' Prometheus endpoints.
     */
    LoadSampler FROM_STATUS_RECORDS = (nodes, atMillis) -> nodes.stream()
            .map(node -> LoadSample.of(node, atMillis))
            .toList();

    List<LoadSample> sample(Collection<NodeStatus> nodes, long atMillis);
}
