package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.testing.FreePorts;

/**
 * Members configured as nodes configure them, without the rest of the node: protection, the schema and wire-format
 * check.
 */
class ClusterMembershipTest {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final String clusterName = "membership-" + FreePorts.next();
    private final int portA = FreePorts.next();
    private final int portB = FreePorts.next();

    @AfterEach
    void shutdown() {
        members.forEach(HazelcastInstance::shutdown);
    }

    private HazelcastInstance member(String nodeId, int port, int minimumSize, String schemaVersion) {
        return member(nodeId, port, minimumSize, schemaVersion, config -> { });
    }

    private HazelcastInstance member(String nodeId, int port, int minimumSize, String schemaVersion,
            Consumer<Config> change) {
        ClusterProperties cluster = new ClusterProperties(clusterName, "127.0.0.1", port,
                List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB), Duration.ofSeconds(2), List.of());
        MembershipProperties membership = new MembershipProperties(MembershipProperties.Discovery.TCP_IP,
                new MembershipProperties.Kubernetes("default", "lectern-node"), minimumSize, 0, Duration.ofSeconds(5),
                Duration.ofSeconds(20));
        Config config = HazelcastMemberConfiguration.memberConfig(cluster, new NodeProperties(nodeId, null));
        ClusterMembership.configure(config, cluster, membership, nodeId, schemaVersion);
        change.accept(config);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    @Test
    void shouldConnectToOtherMembersFromTheConfiguredOutboundPortsOnly() {
        ClusterProperties cluster = new ClusterProperties(clusterName, "127.0.0.1", portA,
                List.of("127.0.0.1:" + portA), Duration.ofSeconds(2), List.of("20050-20099"));

        Config config = HazelcastMemberConfiguration.memberConfig(cluster, new NodeProperties("node-a", null));

        assertThat(config.getNetworkConfig().getOutboundPortDefinitions()).containsExactly("20050-20099");
        Config unset = HazelcastMemberConfiguration.memberConfig(new ClusterProperties(clusterName, "127.0.0.1", portA,
                List.of("127.0.0.1:" + portA), Duration.ofSeconds(2), null), new NodeProperties("node-a", null));
        assertThat(unset.getNetworkConfig().getOutboundPortDefinitions()).isNullOrEmpty();
    }

    @Test
    void shouldDeclareAnUnheardMemberGoneAfterTheConfiguredHeartbeatTimeout() {
        ClusterProperties cluster = new ClusterProperties(clusterName, "127.0.0.1", portA,
                List.of("127.0.0.1:" + portA), Duration.ofSeconds(2), List.of());
        Config config = HazelcastMemberConfiguration.memberConfig(cluster, new NodeProperties("node-a", null));

        ClusterMembership.configure(config, cluster, new MembershipProperties(MembershipProperties.Discovery.TCP_IP,
                new MembershipProperties.Kubernetes("default", "lectern-node"), 1, 0, Duration.ofSeconds(5),
                Duration.ofSeconds(20)), "node-a", "42");

        assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("20");
        assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("5");
    }

    @Test
    void shouldRefuseProtectedMapsButServeTheStatusWhenBelowTheMinimumSize() {
        HazelcastInstance alone = member("node-a", portA, 2, "30");

        assertThatThrownBy(() -> alone.getMap(ClusterStructures.NODE_WEIGHTS).put("node-a", 3))
                .isInstanceOf(SplitBrainProtectionException.class);
        Map<String, Object> statuses = alone.getMap(ClusterStructures.NODE_STATUS);
        statuses.put("node-a", "status");
        assertThat(statuses).containsKey("node-a");
    }

    @Test
    void shouldServeProtectedMapsWhenTheMinimumSizeIsReached() {
        HazelcastInstance a = member("node-a", portA, 2, "30");
        member("node-b", portB, 2, "30");

        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(SplitBrainProtectionException.class)
                .untilAsserted(() -> {
                    Map<String, Object> weights = a.getMap(ClusterStructures.NODE_WEIGHTS);
                    weights.put("node-a", 3);
                    assertThat(weights).containsEntry("node-a", 3);
                });
    }

    @Test
    void shouldProtectLiveSavesByAMajorityFromThreeMembersAndNotOnOneOrTwoWhenNothingIsSet() {
        assertThat(liveMinimum(1, MembershipProperties.Discovery.TCP_IP, 0)).isEqualTo(1);
        assertThat(liveMinimum(2, MembershipProperties.Discovery.TCP_IP, 0)).isEqualTo(1);
        assertThat(liveMinimum(3, MembershipProperties.Discovery.TCP_IP, 0)).isEqualTo(2);
        assertThat(liveMinimum(4, MembershipProperties.Discovery.TCP_IP, 0)).isEqualTo(3);
        assertThat(liveMinimum(5, MembershipProperties.Discovery.TCP_IP, 0)).isEqualTo(3);
        assertThat(liveMinimum(3, MembershipProperties.Discovery.KUBERNETES, 0)).isEqualTo(1);
        assertThat(liveMinimum(3, MembershipProperties.Discovery.TCP_IP, 1)).isEqualTo(1);
        assertThat(liveMinimum(2, MembershipProperties.Discovery.KUBERNETES, 2)).isEqualTo(2);
    }

    private static int liveMinimum(int members, MembershipProperties.Discovery discovery, int configured) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            addresses.add("127.0.0.1:" + (5701 + i));
        }
        return ClusterMembership.liveSubmissionsMinimumSize(
                new ClusterProperties("c", "127.0.0.1", 5701, addresses, Duration.ofSeconds(2), List.of()),
                new MembershipProperties(discovery, new MembershipProperties.Kubernetes("default", "lectern-node"), 1,
                        configured, Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    @Test
    void shouldTellTheBalancerAgentWhetherThisMemberMayTakeLiveSaves() {
        HazelcastInstance a = member("node-a", portA, 2, "30");
        LiveSavesQuorum quorum = new LiveSavesQuorum(a);
        assertThat(quorum.present()).as("alone, below the minimum of two").isFalse();

        member("node-b", portB, 2, "30");

        await().atMost(Duration.ofSeconds(60)).until(quorum::present);
    }

    @Test
    void shouldAlwaysTakeLiveSavesWithoutProtection() {
        HazelcastInstance alone = member("node-a", portA, 1, "30");

        assertThat(new LiveSavesQuorum(alone).present()).isTrue();
    }

    @Test
    void shouldPassTheSchemaCheckWhenTheVersionsAgree() {
        member("node-a", portA, 1, "30");
        HazelcastInstance b = member("node-b", portB, 1, "30");

        ClusterMembership.requireCompatible(b, clusterName, "node-b", "30");

        assertThat(b.getLifecycleService().isRunning()).isTrue();
        assertThat(b.getCluster().getMembers()).hasSize(2);
    }

    @Test
    void shouldLeaveTheClusterAndSayWhyWhenTheSchemaVersionDiffers() {
        HazelcastInstance a = member("node-a", portA, 1, "2");
        HazelcastInstance b = member("node-b", portB, 1, "30");

        assertThatThrownBy(() -> ClusterMembership.requireCompatible(b, clusterName, "node-b", "30"))
                .isInstanceOf(IncompatibleClusterException.class)
                .hasMessageContaining("Node node-b needs database schema version 30")
                .hasMessageContaining("run schema version 2")
                .hasMessageContaining("node-a")
                .hasMessageContaining("critical update");
        assertThat(b.getLifecycleService().isRunning()).isFalse();
        // The older member stays, alone.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(a.getCluster().getMembers()).hasSize(1));
        assertThat(a.getLifecycleService().isRunning()).isTrue();
    }

    @Test
    void shouldLeaveTheClusterAndSayWhyWhenItsMembersSpeakAnOlderWireFormat() {
        // A member of a build before the wire format was published: it sends Java serialization throughout.
        HazelcastInstance older = member("node-a", portA, 1, "30", config -> config.getMemberAttributeConfig()
                .removeAttribute(ClusterMembership.WIRE_FORMAT_ATTRIBUTE));
        HazelcastInstance b = member("node-b", portB, 1, "30");

        assertThatThrownBy(() -> ClusterMembership.requireCompatible(b, clusterName, "node-b", "30"))
                .isInstanceOfSatisfying(IncompatibleClusterException.class, refusal -> {
                    assertThat(refusal.mismatch()).isEqualTo(IncompatibleClusterException.Mismatch.WIRE_FORMAT);
                    assertThat(refusal.clusterVersion()).isEqualTo("1");
                })
                .hasMessageContaining("Node node-b speaks cluster wire format " + ClusterSerializers.WIRE_FORMAT)
                .hasMessageContaining("speak wire format 1")
                .hasMessageContaining("node-a")
                .hasMessageContaining("critical update");
        assertThat(b.getLifecycleService().isRunning()).isFalse();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(older.getCluster().getMembers()).hasSize(1));
    }
}
