package org.lectern.node.cluster;

import org.springframework.stereotype.Component;

/**
 * Publishes this node's status at once when its state changes, not at the next interval: other nodes decide by it
 * (the scheduler's successor is the oldest READY node), and a draining owner must not be handed the scheduler back
 * because its record still said READY. Registered when the bean is created, so before any listener that starts
 * later, such as the scheduler's.
 */
@Component
class StatusOnStateChange {

    StatusOnStateChange(NodeLifecycle lifecycle, NodeStatusPublisher publisher) {
        lifecycle.onChange((from, to) -> publisher.publish());
    }
}
