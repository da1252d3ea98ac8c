package org.lectern.node.drain;

import java.time.Duration;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.node.messaging.ClientControl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells this node's WebSocket clients to reconnect elsewhere, each after a random delay within the window, waits for
 * them to leave, and closes the sessions that remain at the deadline.
 */
@Component
@Order(DrainStep.ORDER_CLIENTS)
class ClientsStep implements DrainStep {

    /** Closed sessions are gone as soon as their close frames are out. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ClientControl clients;
    private final DrainProperties properties;
    private final NodeProperties node;

    ClientsStep(ClientControl clients, DrainProperties properties, NodeProperties node) {
        this.clients = clients;
        this.properties = properties;
        this.node = node;
    }

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public String run(DrainContext context) throws InterruptedException {
        Duration window = properties.reconnectWindow();
        int told = clients.reconnectElsewhere(window, "node " + node.id() + " is draining for maintenance");
        context.progress(told + " sessions told to reconnect elsewhere within " + window.toSeconds() + " s");
        int closed = 0;
        if (!context.awaitUntil(() -> clients.sessionCount() == 0, properties.sessionDeadline())) {
            closed = clients.closeAll("node " + node.id() + " is draining; reconnect to continue");
            context.progress(closed + " sessions still connected at the deadline closed");
            context.awaitUntil(() -> clients.sessionCount() == 0, CLOSE_WAIT);
        }
        return told + " sessions told to reconnect within " + window.toSeconds() + " s, " + closed
                + " closed at the deadline, " + clients.sessionCount() + " left";
    }
}
