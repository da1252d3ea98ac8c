package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.testing.FreePorts;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * {@code lectern.live-submissions.backup-count} reaches the live map: with 2, losing two members at once loses
 * nothing.
 */
class LiveSubmissionBackupsTest {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final String clusterName = "backups-" + FreePorts.next();
    private final List<Integer> ports = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());

    @AfterEach
    void shutdown() {
        members.forEach(member -> member.getLifecycleService().terminate());
    }

    @Test
    void shouldKeepEverySaveWhenTwoMembersDieAtOnceWithTwoBackups() {
        HazelcastInstance a = member("node-a", 0, 2);
        HazelcastInstance b = member("node-b", 1, 2);
        HazelcastInstance c = member("node-c", 2, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> c.getCluster().getMembers().size() == 3);
        IMap<Long, LiveParticipation> live = a.getMap(ClusterStructures.LIVE_SUBMISSIONS);
        for (long participation = 1; participation <= 200; participation++) {
            live.put(participation, new LiveParticipation(0));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> a.getPartitionService().isClusterSafe());

        a.getLifecycleService().terminate();
        b.getLifecycleService().terminate();

        assertThat(c.getConfig().getMapConfig(ClusterStructures.LIVE_SUBMISSIONS).getBackupCount()).isEqualTo(2);
        IMap<Long, LiveParticipation> survivor = c.getMap(ClusterStructures.LIVE_SUBMISSIONS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(survivor.size()).isEqualTo(200));
    }

    private HazelcastInstance member(String nodeId, int index, int backupCount) {
        List<String> addresses = ports.stream().map(port -> "127.0.0.1:" + port).toList();
        ClusterProperties cluster = new ClusterProperties(clusterName, "127.0.0.1", ports.get(index), addresses,
                Duration.ofSeconds(2), List.of());
        MembershipProperties membership = new MembershipProperties(MembershipProperties.Discovery.TCP_IP,
                new MembershipProperties.Kubernetes("default", "lectern-node"), 1, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(20));
        HazelcastInstance member = new HazelcastMemberConfiguration().hazelcastInstance(cluster,
                new NodeProperties(nodeId, null), membership, new LiveSubmissionMapProperties(backupCount),
                new SchemaVersion(new StaticListableBeanFactory().getBeanProvider(Flyway.class), "30"));
        members.add(member);
        return member;
    }
}
