package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.operations.OperatorSignatures;

/** What a node publishes for consoles, on a real member: the configured values, signed; nothing blank. */
class HazelcastConsolePublicationTest {

    private static final byte[] KEY = "a credential of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final String CONFIG = ClusterStructures.PUBLISHED_CONFIG;

    private final HazelcastInstance member = SingleMember.start("console-publication");
    private final SignedState signed = new SignedState(() -> KEY,
            Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void shutdown() {
        member.getLifecycleService().terminate();
    }

    @Test
    void shouldPublishEveryConfiguredValueSignedWithTheOperatorCredential() {
        ConsoleProperties properties = new ConsoleProperties("service:jmx:rmi:///jndi/rmi://127.0.0.1:1099/jmxrmi",
                "", " https://127.0.0.1:8404/ ", "operator");

        new HazelcastConsolePublication(member, signed, properties).publish();

        Map<String, Object> published = Map.copyOf(member.getMap(CONFIG));
        assertThat(published).containsOnlyKeys(ClusterStructures.BROKER_JMX_URL, ClusterStructures.BALANCER_STATS,
                ClusterStructures.BALANCER_STATS_USER);
        published.forEach((key, value) -> assertThat(OperatorSignatures.verifyValue(CONFIG, key, value, KEY))
                .as(key).isTrue());
        assertThat(signed.accept(CONFIG, ClusterStructures.BALANCER_STATS, published.get(ClusterStructures.BALANCER_STATS)))
                .contains("https://127.0.0.1:8404/");
    }

    @Test
    void shouldPublishNothingWhenNothingIsConfigured() {
        new HazelcastConsolePublication(member, signed, new ConsoleProperties("", "", "", "")).publish();

        assertThat(member.getMap(CONFIG).size()).isZero();
    }
}
