package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;
import org.springframework.stereotype.Component;

@Component
class HazelcastNodeStatusBoard implements NodeStatusBoard {

    private final HazelcastInstance hazelcast;
    private final IMap<String, NodeStatus> statuses;

    HazelcastNodeStatusBoard(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.statuses = hazelcast.getMap(ClusterStructures.NODE_STATUS);
    }

    @Override
    public void publish(NodeStatus status, Duration timeToLive) {
        statuses.set(status.nodeId(), status, timeToLive.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void withdraw(String nodeId) {
        statuses.delete(nodeId);
    }

    @Override
    public Collection<NodeStatus> all() {
        return List.copyOf(statuses.values());
    }

    @Override
    public String localMemberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }
}
