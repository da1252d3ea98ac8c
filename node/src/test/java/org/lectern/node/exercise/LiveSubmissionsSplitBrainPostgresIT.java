package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.server.Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two whole nodes on one PostgreSQL are split (the second member's network server stops: every connection between
 * them closes and none is accepted, as when a network cuts them apart), a student's saves land on both halves
 * under the same versions, both halves flush to the database meanwhile, and the split heals: every acknowledged
 * save is in the database once, under versions 1..n, and nothing stays pending.
 */
class LiveSubmissionsSplitBrainPostgresIT {

    /** The demo's individual text exercise. */
    private static final long TEXT_EXERCISE = 2;

    @TempDir
    Path dataDir;

    @Test
    void shouldStoreEveryAcknowledgedSaveOfBothHalvesOnceWhenASplitHeals() {
        String jdbcUrl = PostgresDatabases.create("live_split_" + System.nanoTime());
        try (TestCluster cluster = TestCluster.start(2, "live-split", dataDir, jdbcUrl,
                // A cut network is noticed in seconds rather than the default 20 s.
                Map.of("lectern.cluster.merge-interval", "2s", "lectern.cluster.heartbeat-timeout", "8s"))) {
            ConfigurableApplicationContext left = cluster.node(0);
            ConfigurableApplicationContext right = cluster.node(1);
            UserSummary summary = left.getBean(UserDirectory.class).summaryOf("student1");
            CurrentUser student = new CurrentUser(summary.id(), summary.login(), false);
            Participation participation = left.getBean(ParticipationService.class)
                    .participationFor(left.getBean(ExerciseCatalog.class).get(TEXT_EXERCISE), student.id(), false);
            SubmissionService leftSaves = left.getBean(SubmissionService.class);
            SubmissionService rightSaves = right.getBean(SubmissionService.class);
            List<String> acknowledged = new ArrayList<>();
            acknowledged.add(leftSaves.saveLive(participation, SubmissionContent.ofText("before"), "before", false,
                    student).idempotencyKey());

            Server network = serverOf(right);
            network.stop();
            awaitMembers(1, left, right);
            for (int i = 0; i < 5; i++) {
                SavedSubmission onLeft = leftSaves.saveLive(participation, SubmissionContent.ofText("left " + i),
                        "left-" + i, false, student);
                SavedSubmission onRight = rightSaves.saveLive(participation, SubmissionContent.ofText("right " + i),
                        "right-" + i, false, student);
                assertThat(onLeft.replayed()).isFalse();
                assertThat(onRight.replayed()).isFalse();
                acknowledged.add(onLeft.idempotencyKey());
                acknowledged.add(onRight.idempotencyKey());
            }
            network.start();
            awaitMembers(2, left, right);

            JdbcTemplate jdbc = left.getBean(JdbcTemplate.class);
            LiveSubmissions live = left.getBean(LiveSubmissions.class);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(jdbc.queryForList("select idempotency_key from submissions where participation_id = ?",
                        String.class, participation.getId())).containsExactlyInAnyOrderElementsOf(acknowledged);
                assertThat(live.pending(participation.getId())).isEmpty();
            });
            assertThat(jdbc.queryForList("select version from submissions where participation_id = ? order by version",
                    Integer.class, participation.getId())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            for (String key : acknowledged) {
                String text = key.equals("before") ? "before" : key.replace('-', ' ');
                assertThat(jdbc.queryForObject("select content from submissions where participation_id = ? "
                        + "and idempotency_key = ?", String.class, participation.getId(), key)).isEqualTo(text);
            }
            assertThat(leftSaves.saveLive(participation, SubmissionContent.ofText("after"), "after", false, student)
                    .version()).isEqualTo(12);
        }
    }

    /**
     * The member's network server, internal to Hazelcast: its own merge stops and starts it the same way. Stopped, it
     * closes every connection to the other member and accepts none.
     */
    private static Server serverOf(ConfigurableApplicationContext node) {
        HazelcastInstance member = node.getBean(HazelcastInstance.class);
        return ((HazelcastInstanceProxy) member).getOriginal().node.getServer();
    }

    private static void awaitMembers(int size, ConfigurableApplicationContext... nodes) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (ConfigurableApplicationContext node : nodes) {
                assertThat(node.getBean(HazelcastInstance.class).getCluster().getMembers()).hasSize(size);
            }
        });
    }
}
