package org.lectern.console.overview;

import java.util.List;
import java.util.Map;
import org.lectern.console.balancer.BalancerRow;
import org.lectern.console.broker.BrokerSnapshot;
import org.lectern.shared.cluster.NodeStatus;

/**
 * Everything the overview judges, gathered from the other views' view-models after each refresh.
 *
 * @param memberCount     cluster members the client sees (0 while not connected)
 * @param nodes           the statuses of current members by node id
 * @param clusterSafe     whether every live submission is stored twice right now
 * @param safety          the replicas view's verdict in words
 * @param broker          the broker's latest JMX reading, null when none succeeded
 * @param brokerProblem   why the broker could not be read; empty when it was
 * @param balancer        HAProxy's servers next to the nodes; empty when not read
 * @param balancerSummary the balancer view's summary
 */
public record ClusterPicture(int memberCount, Map<String, NodeStatus> nodes, boolean clusterSafe, String safety,
        BrokerSnapshot broker, String brokerProblem, List<BalancerRow> balancer, String balancerSummary) {

    public ClusterPicture {
        nodes = Map.copyOf(nodes);
        balancer = List.copyOf(balancer);
    }
}
