package org.lectern.node.messaging;

import java.util.UUID;

/** The login the node's relay uses at the broker, and that an embedded broker accepts. */
record BrokerCredentials(String user, String password) {

    static BrokerCredentials from(BrokerProperties properties) {
        if (!properties.password().isBlank()) {
            return new BrokerCredentials(properties.user(), properties.password());
        }
        if (properties.embedded()) {
            // Nobody but this process talks to an embedded broker, so a secret nobody knows is the safest one.
            return new BrokerCredentials(properties.user(), UUID.randomUUID().toString());
        }
        throw new IllegalStateException(
                "lectern.broker.password is required when the broker is external (lectern.broker.embedded=false)");
    }
}
