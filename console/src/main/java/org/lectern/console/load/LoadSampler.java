package org.lectern.console.load;

import java.util.Collection;
import java.util.List;
import org.lectern.shared.cluster.NodeStatus;

/** Takes one sample per node. Blocks, each call bounded by a timeout; runs on a worker. */
public interface LoadSampler {

    List<LoadSample> sample(Collection<NodeStatus> nodes, long atMillis);
}
