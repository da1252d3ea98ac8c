package org.lectern.node.messaging;

/** Whether this node's relay is connected to the message broker right now. */
public interface BrokerConnection {

    boolean isConnected();
}
