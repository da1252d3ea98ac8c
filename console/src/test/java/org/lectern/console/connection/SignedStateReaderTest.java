package org.lectern.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.operations.SignedValue;

class SignedStateReaderTest {

    private static final byte[] KEY = "the-operator-credential-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "someone-elses-credential-of-32-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String CONFIG = ClusterStructures.PUBLISHED_CONFIG;
    private static final String JMX = ClusterStructures.BROKER_JMX_URL;

    private final SignedStateReader reader = new SignedStateReader(() -> Optional.of(KEY));

    private static SignedValue signed(String structure, String key, String value, long at, byte[] credential) {
        return OperatorSignatures.signValue(structure, key, value, at, credential);
    }

    @Nested
    class PublishedConfig {

        @Test
        void shouldUseAValueSignedWithTheOperatorCredential() {
            Map<String, Object> found = Map.of(JMX, signed(CONFIG, JMX, "service:jmx:ours", 1_000, KEY));

            assertThat(reader.verified(CONFIG, found)).containsExactlyEntriesOf(Map.of(JMX, "service:jmx:ours"));
        }

        @Test
        void shouldIgnoreAPlainValueWrittenByAnyHazelcastClient() {
            Map<String, Object> found = Map.of(JMX, "service:jmx:rmi:///jndi/rmi://attacker:1099/jmxrmi",
                    ClusterStructures.BALANCER_STATS, signed(CONFIG, ClusterStructures.BALANCER_STATS, "127.0.0.1:8404",
                            1_000, KEY));

            assertThat(reader.verified(CONFIG, found))
                    .containsExactlyEntriesOf(Map.of(ClusterStructures.BALANCER_STATS, "127.0.0.1:8404"));
        }

        @Test
        void shouldIgnoreAValueSignedWithAnotherCredential() {
            Map<String, Object> found = Map.of(JMX, signed(CONFIG, JMX, "service:jmx:theirs", 1_000, OTHER_KEY));

            assertThat(reader.verified(CONFIG, found)).isEmpty();
        }

        @Test
        void shouldIgnoreASignedValueMovedToAnotherKeyOrMap() {
            SignedValue forStats = signed(CONFIG, ClusterStructures.BALANCER_STATS, "attacker:8404", 1_000, KEY);
            SignedValue forSettings = signed(ClusterStructures.CLUSTER_SETTINGS, JMX, "service:jmx:theirs", 1_000, KEY);

            assertThat(reader.verified(CONFIG, Map.of(JMX, forStats))).isEmpty();
            assertThat(reader.verified(CONFIG, Map.of(JMX, forSettings))).isEmpty();
        }

        @Test
        void shouldIgnoreAnOlderSignedValueWrittenBackAfterANewerOne() {
            SignedValue old = signed(CONFIG, JMX, "service:jmx:old", 1_000, KEY);
            SignedValue current = signed(CONFIG, JMX, "service:jmx:current", 2_000, KEY);
            reader.verified(CONFIG, Map.of(JMX, current));

            assertThat(reader.verified(CONFIG, Map.of(JMX, old))).isEmpty();
            assertThat(reader.verified(CONFIG, Map.of(JMX, current))).containsEntry(JMX, "service:jmx:current");
        }
    }

    @Test
    void shouldBelieveNothingWithoutACredential() {
        SignedStateReader withoutCredential = new SignedStateReader(Optional::empty);

        Map<String, Object> found = Map.of(JMX, signed(CONFIG, JMX, "service:jmx:ours", 1_000, KEY));

        assertThat(withoutCredential.verified(CONFIG, found)).isEmpty();
    }
}
