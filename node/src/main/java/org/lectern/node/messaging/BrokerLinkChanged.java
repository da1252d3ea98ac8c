package org.lectern.node.messaging;

/**
 * This node's connection to the message broker was made or lost. Its own event, not Spring's
 * {@code BrokerAvailabilityEvent}: the in-node broker publishes that one for itself, and it is always available.
 */
record BrokerLinkChanged(boolean connected) {
}
