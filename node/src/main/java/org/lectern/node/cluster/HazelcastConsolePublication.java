package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import org.lectern.shared.cluster.ClusterStructures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ConsoleProperties} into {@code lectern.published-config}, each value signed with the operator
 * credential (a console uses only values whose signature verifies), once the node is ready. Every node publishes
 * what it was told; nodes of one cluster are told the same, so the last to start leaves the same values.
 */
@Component
class HazelcastConsolePublication {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastConsolePublication.class);
    private static final String NAME = ClusterStructures.PUBLISHED_CONFIG;

    private final HazelcastInstance hazelcast;
    private final SignedState signed;
    private final ConsoleProperties properties;

    HazelcastConsolePublication(HazelcastInstance hazelcast, SignedState signed, ConsoleProperties properties) {
        this.hazelcast = hazelcast;
        this.signed = signed;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publish() {
        Map<String, String> published = properties.published();
        try {
            published.forEach((key, value) -> hazelcast.getMap(NAME).set(key, signed.sign(NAME, key, value)));
            if (!published.isEmpty()) {
                LOG.info("Published for consoles: {}", published);
            }
        } catch (RuntimeException e) {
            // Below the minimum cluster size the map refuses writes; the next node to start publishes the same.
            LOG.warn("Could not publish {} for consoles: {}", published.keySet(), e.toString());
        }
    }
}
