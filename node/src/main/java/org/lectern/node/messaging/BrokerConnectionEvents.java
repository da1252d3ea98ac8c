package org.lectern.node.messaging;

import java.util.concurrent.atomic.AtomicBoolean;
import org.lectern.node.cluster.ClusterEvents;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts this node's losses and recoveries of the broker on the cluster's timeline. The first connection at start-up
 * is not news; a reconnection after a loss is.
 */
@Component
class BrokerConnectionEvents {

    private final ClusterEvents events;
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean everConnected = new AtomicBoolean();

    BrokerConnectionEvents(ClusterEvents events) {
        this.events = events;
    }

    @EventListener
    void availabilityChanged(BrokerLinkChanged event) {
        boolean now = event.connected();
        if (connected.getAndSet(now) == now) {
            return;
        }
        if (!now) {
            events.publish(ClusterEventKind.BROKER_DISCONNECTED, EventSeverity.CRITICAL,
                    "Lost the message broker: real-time messages of this node are not delivered until it reconnects");
        } else if (everConnected.getAndSet(true)) {
            events.publish(ClusterEventKind.BROKER_CONNECTED, EventSeverity.INFO, "Reconnected to the message broker");
        }
    }
}
