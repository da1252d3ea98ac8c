package org.lectern.node.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.balancer.WeightControl;
import org.lectern.node.settings.ClusterSettings;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.OperatorConsole;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.settings.ClusterSetting;

/**
 * The operator-controlled maps obey signed orders only: a plain Hazelcast client without the operator credential
 * (anyone who reaches the cluster port) writes straight into the settings, weights and published configuration of
 * two real nodes; nothing changes on the nodes, and the timeline names each write.
 */
class SignedStatePostgresIT {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final byte[] SOMEONE_ELSES_KEY = "not-the-operator-credential-32bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;

    private static TestCluster cluster;
    private static OperatorConsole console;
    private static HazelcastInstance intruder;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TestCluster.start(2, "signed", dataDir, PostgresDatabases.create("signed_" + System.nanoTime()));
        HazelcastInstance member = cluster.node(0).getBean(HazelcastInstance.class);
        String clusterName = member.getConfig().getClusterName();
        int memberPort = member.getCluster().getLocalMember().getAddress().getPort();
        console = OperatorConsole.connect(clusterName, memberPort);
        ClientConfig plain = new ClientConfig();
        plain.setClusterName(clusterName);
        plain.getNetworkConfig().addAddress("127.0.0.1:" + memberPort);
        intruder = HazelcastClient.newHazelcastClient(plain);
    }

    @AfterAll
    static void stopNodes() {
        if (intruder != null) {
            intruder.shutdown();
        }
        if (console != null) {
            console.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String valueOn(int node, ClusterSetting setting) {
        return cluster.node(node).getBean(ClusterSettings.class).value(setting);
    }

    private static int weightOf(int node) {
        return cluster.node(node).getBean(WeightControl.class).weight();
    }

    private static void setBanner(String banner) {
        OperatorCommand command = console.send(CommandKind.SET_SETTING, OperatorCommand.ALL_NODES,
                "announcement.banner=" + banner);
        assertThat(console.awaitResult(command, ANSWER, CommandOutcome.COMPLETED, CommandOutcome.REJECTED).outcome())
                .isEqualTo(CommandOutcome.COMPLETED);
        await().atMost(ANSWER).until(() -> valueOn(0, ClusterSetting.ANNOUNCEMENT_BANNER).equals(banner)
                && valueOn(1, ClusterSetting.ANNOUNCEMENT_BANNER).equals(banner));
    }

    private static void awaitTamperingNamed(String... words) {
        await().atMost(ANSWER).untilAsserted(() -> assertThat(console.events())
                .filteredOn(event -> event.kind() == ClusterEventKind.STATE_TAMPERED)
                .extracting(ClusterEvent::message)
                .anySatisfy(message -> assertThat(message).contains(words)));
    }

    @Test
    void shouldIgnoreSettingsWrittenWithoutTheOperatorCredentialAndNameTheTampering() {
        setBanner("Signed banner");
        Object older = intruder.getMap(ClusterStructures.CLUSTER_SETTINGS).get("announcement.banner");
        setBanner("Newer banner");

        intruder.getMap(ClusterStructures.CLUSTER_SETTINGS).set("announcement.banner", "Tampered banner");
        intruder.getMap(ClusterStructures.CLUSTER_SETTINGS).set("feature.file-uploads",
                OperatorSignatures.signValue(ClusterStructures.CLUSTER_SETTINGS, "feature.file-uploads", "false",
                        System.currentTimeMillis(), SOMEONE_ELSES_KEY));
        awaitTamperingNamed("announcement.banner", ClusterStructures.CLUSTER_SETTINGS, "not signed");
        awaitTamperingNamed("feature.file-uploads", "does not verify");
        // A value once signed, copied and written back later, is a replay.
        intruder.getMap(ClusterStructures.CLUSTER_SETTINGS).set("announcement.banner", older);
        awaitTamperingNamed("announcement.banner", "replay");

        await().during(Duration.ofSeconds(2)).atMost(ANSWER).untilAsserted(() -> {
            for (int node = 0; node < 2; node++) {
                assertThat(valueOn(node, ClusterSetting.ANNOUNCEMENT_BANNER)).isEqualTo("Newer banner");
                assertThat(valueOn(node, ClusterSetting.FILE_UPLOADS_ENABLED)).isEqualTo("true");
            }
        });
        String student = new LecternClient(cluster.baseUrl(1)).tokenFor("student1", "demo");
        assertThat(new LecternClient(cluster.baseUrl(1)).get("/api/settings", student).body())
                .contains("Newer banner").doesNotContain("Tampered", "Signed banner");
    }

    @Test
    void shouldIgnoreWeightsWrittenWithoutTheOperatorCredentialAndNameTheTampering() {
        int weight1 = weightOf(0);
        int weight2 = weightOf(1);

        intruder.getMap(ClusterStructures.NODE_WEIGHTS).set("signed-2", 0);
        intruder.getMap(ClusterStructures.NODE_WEIGHTS).set("signed-1", OperatorSignatures.signValue(
                ClusterStructures.NODE_WEIGHTS, "signed-1", "0", System.currentTimeMillis(), SOMEONE_ELSES_KEY));

        awaitTamperingNamed("signed-2", ClusterStructures.NODE_WEIGHTS, "not signed");
        awaitTamperingNamed("signed-1", ClusterStructures.NODE_WEIGHTS, "does not verify");
        await().during(Duration.ofSeconds(2)).atMost(ANSWER).untilAsserted(() -> {
            assertThat(weightOf(0)).isEqualTo(weight1).isPositive();
            assertThat(weightOf(1)).isEqualTo(weight2).isPositive();
        });
        // A signed order still changes the weight.
        OperatorCommand signed = console.send(CommandKind.SET_WEIGHT, "signed-2", "7");
        assertThat(console.awaitResult(signed, ANSWER, CommandOutcome.COMPLETED, CommandOutcome.REJECTED).outcome())
                .isEqualTo(CommandOutcome.COMPLETED);
        await().atMost(ANSWER).until(() -> weightOf(1) == 7);
    }

    @Test
    void shouldNameAnUnsignedBrokerAddressWrittenIntoThePublishedConfiguration() {
        intruder.getMap(ClusterStructures.PUBLISHED_CONFIG).set(ClusterStructures.BROKER_JMX_URL,
                "service:jmx:rmi:///jndi/rmi://attacker.example:1099/jmxrmi");

        awaitTamperingNamed(ClusterStructures.BROKER_JMX_URL, ClusterStructures.PUBLISHED_CONFIG, "not signed");
    }
}
