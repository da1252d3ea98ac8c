package org.lectern.node.balancer;

import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.shared.cluster.NodeState;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes {@code /actuator/health/readiness} refuse traffic while the node drains or is drained, and accept it again
 * when it is back to READY, for load balancers and orchestrators that probe readiness rather than the agent.
 */
@Component
class ReadinessFollowsLifecycle {

    ReadinessFollowsLifecycle(NodeLifecycle lifecycle, ApplicationEventPublisher events) {
        lifecycle.onChange((from, to) -> {
            if (to == NodeState.DRAINING || to == NodeState.DRAINED) {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            } else if (to == NodeState.READY && (from == NodeState.DRAINING || from == NodeState.DRAINED)) {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        });
    }
}
