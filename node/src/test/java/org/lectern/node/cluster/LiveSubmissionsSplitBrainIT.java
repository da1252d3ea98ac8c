package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.TcpProxy;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.testing.FreePorts;

/**
 * Real Hazelcast members configured as nodes configure them, split by cutting the TCP relays they reach each other
 * through (each member advertises its relay's address), then healed: Hazelcast's own split-brain merge runs
 * {@link LiveSubmissionsMergePolicy} on what both halves acknowledged.
 */
class LiveSubmissionsSplitBrainIT {

    private static final long[] PARTICIPATIONS = LongStream.rangeClosed(1, 12).toArray();

    private final String clusterName = "split-" + FreePorts.next();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<TcpProxy> relays = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1L << 52);
    private final AtomicLong seconds = new AtomicLong(1_000);

    @AfterEach
    void shutdown() {
        members.forEach(member -> member.getLifecycleService().terminate());
        relays.forEach(TcpProxy::close);
    }

    /** Starts {@code count} members that know each other only by their relays' addresses. */
    private List<HazelcastInstance> cluster(int count, int started) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(FreePorts.next());
            relays.add(new TcpProxy(ports.get(i)));
        }
        List<String> addresses = relays.stream().map(relay -> "127.0.0.1:" + relay.port()).toList();
        for (int i = 0; i < started; i++) {
            String nodeId = "node-" + (i + 1);
            ClusterProperties cluster = new ClusterProperties(clusterName, "127.0.0.1", ports.get(i), addresses,
                    Duration.ofSeconds(2), List.of());
            MembershipProperties membership = new MembershipProperties(MembershipProperties.Discovery.TCP_IP,
                    new MembershipProperties.Kubernetes("default", "lectern-node"), 1, 0, Duration.ofSeconds(2),
                    Duration.ofSeconds(6)); // a cut network is noticed in seconds
            Config config = HazelcastMemberConfiguration.memberConfig(cluster, new NodeProperties(nodeId, null));
            ClusterMembership.configure(config, cluster, membership, nodeId, "42");
            config.getNetworkConfig().setPublicAddress(addresses.get(i));
            members.add(Hazelcast.newHazelcastInstance(config));
        }
        return members;
    }

    private static LiveSubmissions live(HazelcastInstance member) {
        return new HazelcastLiveSubmissions(member, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    /** Saves as {@code SubmissionService.saveLive} does: a fresh id and the time, the database's version if asked. */
    private LiveSave save(LiveSubmissions live, long participationId, String key) {
        LiveSave draft = new LiveSave(ids.incrementAndGet(), participationId, 0, key,
                Instant.ofEpochSecond(seconds.incrementAndGet()).truncatedTo(ChronoUnit.MICROS), false, 1L,
                "answer " + key, null, null, null);
        LiveSaveOutcome outcome = live.append(draft, OptionalInt.empty());
        if (outcome.needsDatabase()) {
            outcome = live.append(draft, OptionalInt.of(0));
        }
        assertThat(outcome.replayed()).isFalse();
        return outcome.save();
    }

    private static void awaitSize(int size, HazelcastInstance... of) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (HazelcastInstance member : of) {
                assertThat(member.getCluster().getMembers()).hasSize(size);
            }
        });
    }

    @Test
    void shouldKeepBothHalvesAcknowledgedSavesInOrderWithoutACollisionWhenASplitHeals() {
        List<HazelcastInstance> two = cluster(2, 2);
        HazelcastInstance a = two.get(0);
        HazelcastInstance b = two.get(1);
        awaitSize(2, a, b);
        LiveSubmissions left = live(a);
        LiveSubmissions right = live(b);
        for (long participation : PARTICIPATIONS) {
            save(left, participation, "before-" + participation);
        }

        relays.forEach(TcpProxy::cut);
        awaitSize(1, a, b);
        Map<Long, List<String>> acknowledged = new HashMap<>();
        for (long participation : PARTICIPATIONS) {
            List<String> keys = acknowledged.computeIfAbsent(participation, p -> new ArrayList<>());
            keys.add("before-" + participation);
            // Interleaved in time, so the merged order is neither half's.
            for (int i = 0; i < 3; i++) {
                LiveSave onLeft = save(left, participation, "left-" + participation + "-" + i);
                LiveSave onRight = save(right, participation, "right-" + participation + "-" + i);
                keys.add(onLeft.idempotencyKey());
                keys.add(onRight.idempotencyKey());
                // Each half believes it has the participation's next versions: the collision to resolve.
                assertThat(onLeft.version()).isEqualTo(onRight.version());
            }
        }
        relays.forEach(TcpProxy::restore);
        awaitSize(2, a, b);

        LiveSubmissions merged = live(a);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (long participation : PARTICIPATIONS) {
                assertThat(merged.pending(participation)).extracting(LiveSave::idempotencyKey)
                        .containsExactlyInAnyOrderElementsOf(acknowledged.get(participation));
            }
        });
        Set<Long> allIds = new HashSet<>();
        for (long participation : PARTICIPATIONS) {
            List<LiveSave> saves = merged.pending(participation);
            assertThat(saves).extracting(LiveSave::version).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(saves).isSortedAccordingTo(Comparator.comparing(LiveSave::savedAt));
            assertThat(saves).extracting(LiveSave::text).allSatisfy(text -> assertThat(text).startsWith("answer"));
            saves.forEach(save -> assertThat(allIds.add(save.id())).isTrue());
            // Both members answer the same merged entry, and the next save follows it.
            assertThat(live(b).pending(participation)).isEqualTo(saves);
            assertThat(save(right, participation, "after-" + participation).version()).isEqualTo(8);
        }
    }

    @Test
    void shouldRefuseLiveSavesWithAClearMessageWhenAMemberSeesLessThanAMajorityOfThree() {
        HazelcastInstance alone = cluster(3, 1).get(0);
        LiveSubmissions live = live(alone);

        assertThatThrownBy(() -> save(live, 1, "cut-off"))
                .isInstanceOf(ClusterMinorityException.class)
                .hasMessageContaining("cut off from most of the cluster")
                .hasMessageContaining("nothing was saved");
        // Reads still answer, so a cut-off node shows what it holds; nothing was written.
        assertThat(live.latest(1)).isEmpty();
        assertThat(alone.getMap(ClusterStructures.LIVE_SUBMISSIONS).size()).isZero();
    }
}
