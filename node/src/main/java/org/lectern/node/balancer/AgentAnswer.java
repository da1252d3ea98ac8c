package org.lectern.node.balancer;

import org.lectern.shared.cluster.NodeState;

/**
 * The one line the HAProxy agent answers, from the node's state and weight. HAProxy's server lines carry
 * {@code weight 1}, so a percentage of 100 per unit makes the effective weight the node's weight (HAProxy caps it at
 * 256); {@code drain} takes no new users but keeps the ones it has; {@code maint} takes none. A ready node on the
 * minority side of a split drains: it would refuse every save, while the majority takes them.
 */
final class AgentAnswer {

    private AgentAnswer() {
    }

    static String of(NodeState state, int weight, boolean quorum) {
        return switch (state) {
            case READY -> quorum ? "ready up " + weight * 100L + "%" : "drain";
            case DRAINING, DRAINED -> "drain";
            case STARTING, STOPPING -> "maint";
        };
    }
}
