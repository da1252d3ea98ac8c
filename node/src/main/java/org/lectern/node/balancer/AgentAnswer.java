package org.lectern.node.balancer;

import org.lectern.shared.cluster.NodeState;

/**
 * The one line the HAProxy agent answers, from the node's state and weight. HAProxy's server lines carry
 * {@code weight 1}, so a percentage of 100 per unit makes the effective weight the node's weight (HAProxy caps it at
 * 256); {@code drain} takes no new users but keeps the ones it has; {@code maint} takes none.
 */
final class AgentAnswer {

    private AgentAnswer() {
    }

    static String of(NodeState state, int weight) {
        return switch (state) {
            case READY -> "ready up " + weight * 100L + "%";
            case DRAINING, DRAINED -> "drain";
            case STARTING, STOPPING -> "maint";
        };
    }
}
