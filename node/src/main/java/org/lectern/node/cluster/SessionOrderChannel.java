package org.lectern.node.cluster;

import java.util.function.Consumer;

/**
 * Carries {@link SessionOrder}s to every node, the sender included. Through the cluster rather than the broker: an
 * order must reach a node whose sessions of that user follow nothing at the broker, and also while the broker is
 * away.
 */
public interface SessionOrderChannel {

    void publish(SessionOrder order);

    /** Calls {@code listener} for every order, on a cluster event thread: long work goes to a thread of its own. */
    void onOrder(Consumer<SessionOrder> listener);
}
