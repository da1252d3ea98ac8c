package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The counts on a real member, two nodes' counters writing into its map as two nodes would. */
class HazelcastExamSaveCountsTest {

    private static final long EXAM = 7;
    private static final Instant AT = Instant.parse("2026-12-07T10:00:04Z");
    private static final long SLOT = ExamSaveCounts.slotOf(AT);

    private final HazelcastInstance member = SingleMember.start("save-counts");
    private final HazelcastExamSaveCounts reading = new HazelcastExamSaveCounts(member);
    private final HazelcastExamSaveCounts other = new HazelcastExamSaveCounts(member);

    @AfterEach
    void shutdown() {
        reading.stop();
        other.stop();
        member.getLifecycleService().terminate();
    }

    @Test
    void shouldNumberSlotsOfTenSecondsFromTheEpoch() {
        assertThat(ExamSaveCounts.startOf(SLOT)).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(ExamSaveCounts.slotOf(Instant.parse("2026-12-07T10:00:09.999Z"))).isEqualTo(SLOT);
        assertThat(ExamSaveCounts.slotOf(Instant.parse("2026-12-07T10:00:10Z"))).isEqualTo(SLOT + 1);
    }

    @Test
    void shouldReadItsOwnCountsAtOnceAndAnotherNodesOnceThatNodePushed() {
        reading.count(EXAM, AT);
        reading.count(EXAM, AT.plusSeconds(1));
        other.count(EXAM, AT);
        other.count(EXAM, AT.plusSeconds(10));

        assertThat(reading.perSlot(EXAM, SLOT - 1, 3)).containsExactly(0, 2, 0);

        other.push();
        assertThat(reading.perSlot(EXAM, SLOT - 1, 3)).containsExactly(0, 3, 1);
    }

    @Test
    void shouldPushOnItsOwnWithinASecond() {
        other.start();
        other.count(EXAM, AT);

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reading.perSlot(EXAM, SLOT, 1)).containsExactly(1));
    }

    @Test
    void shouldPushWhatIsLeftWhenItStops() {
        other.start();
        other.count(EXAM, AT);

        other.stop();

        assertThat(reading.perSlot(EXAM, SLOT, 1)).containsExactly(1);
    }

    @Test
    void shouldKeepExamsApart() {
        reading.count(EXAM, AT);
        reading.count(EXAM + 1, AT);
        reading.count(EXAM + 1, AT);

        assertThat(reading.perSlot(EXAM, SLOT, 1)).containsExactly(1);
        assertThat(reading.perSlot(EXAM + 1, SLOT, 1)).containsExactly(2);
        assertThat(reading.perSlot(EXAM + 10, SLOT, 1)).containsExactly(0);
    }

    @Test
    void shouldKeepTheCountsOnTwoMembersForAQuarterOfAnHour() {
        assertThat(member.getConfig().getMapConfig(HazelcastExamSaveCounts.MAP_NAME).getBackupCount()).isEqualTo(1);
        assertThat(member.getConfig().getMapConfig(HazelcastExamSaveCounts.MAP_NAME).getTimeToLiveSeconds())
                .isEqualTo(15 * 60);
    }
}
