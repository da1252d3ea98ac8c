package org.lectern.packaging.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.TreeMap;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;

/** Reads what the nodes publish about themselves, as a short-lived Hazelcast client of the cluster. */
final class ClusterReader {

    static final String CLUSTER_NAME = "lectern";

    private ClusterReader() {
    }

    /** The status records by node id; empty when no member answers within a few seconds. */
    static Map<String, NodeStatus> statuses(ClusterLayout layout) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(CLUSTER_NAME);
        config.setInstanceName("lectern-cluster-tool-" + ProcessHandle.current().pid());
        config.getNetworkConfig().setAddresses(java.util.List.of(layout.memberList().split(",")));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(5000);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(config);
        } catch (IllegalStateException unreachable) {
            return Map.of();
        }
        try {
            Map<String, NodeStatus> statuses = new TreeMap<>();
            client.<String, NodeStatus>getMap(ClusterStructures.NODE_STATUS).values()
                    .forEach(status -> statuses.put(status.nodeId(), status));
            return statuses;
        } finally {
            client.shutdown();
        }
    }
}
