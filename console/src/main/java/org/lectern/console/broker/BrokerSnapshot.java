package org.lectern.console.broker;

import java.util.List;

/**
 * What the broker's JMX said at one moment.
 *
 * @param name            the broker's name
 * @param version         its version
 * @param uptime          its uptime as the broker words it
 * @param backup          whether it is a backup (HA role)
 * @param replicaSync     whether a replica is in sync with it
 * @param connections     open client connections
 * @param memoryUsedBytes memory used by addresses
 * @param memoryMaxBytes  the global limit, negative for none
 * @param addresses       addresses
 * @param queues          queues
 */
public record BrokerSnapshot(String name, String version, String uptime, boolean backup, boolean replicaSync,
        int connections, long memoryUsedBytes, long memoryMaxBytes, List<AddressRow> addresses, List<QueueRow> queues) {

    public BrokerSnapshot {
        addresses = List.copyOf(addresses);
        queues = List.copyOf(queues);
    }
}
