package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.MutableClock;

/** The records on a real member: written only when changed (or an hour on), removed by prefix, locked per key. */
class HazelcastLastKnownRecordsTest {

    private static final String MAP = LastKnownRecords.STUDENT_EXAMS;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final HazelcastInstance member = SingleMember.start("last-known");
    private final HazelcastLastKnownRecords records = new HazelcastLastKnownRecords(member, clock);

    @AfterEach
    void shutdown() {
        member.getLifecycleService().terminate();
    }

    @Test
    void shouldConfigureOneSynchronousBackupForEveryRecordMap() {
        assertThat(member.getConfig().getMapConfig(MAP).getBackupCount()).isEqualTo(1);
        assertThat(member.getConfig().getMapConfig(LastKnownRecords.USERS).getMaxIdleSeconds())
                .isEqualTo(24 * 60 * 60);
    }

    @Test
    void shouldSkipWritingAnEqualValueWithinTheHourAndWriteItAfter() {
        records.remember(MAP, "1:2", "NONE");
        member.getMap(MAP).set("1:2", "written by another node");

        records.remember(MAP, "1:2", "NONE");
        assertThat(records.get(MAP, "1:2", String.class)).contains("written by another node");

        clock.advance(Duration.ofHours(1));
        records.remember(MAP, "1:2", "NONE");
        assertThat(records.get(MAP, "1:2", String.class)).contains("NONE");
    }

    @Test
    void shouldWriteAChangedValueAtOnce() {
        records.remember(MAP, "1:2", "NONE");
        records.remember(MAP, "1:2", "DONE");

        assertThat(records.get(MAP, "1:2", String.class)).contains("DONE");
    }

    @Test
    void shouldWriteAgainWhatThisNodeRemovedMeanwhile() {
        records.remember(MAP, "1:2", "NONE");
        records.remove(MAP, "1:2");
        records.remember(MAP, "1:2", "NONE");

        assertThat(records.get(MAP, "1:2", String.class)).contains("NONE");
    }

    @Test
    void shouldRemoveTheRecordsOfOneExamOnly() {
        List.of("1:2", "1:3", "12:2").forEach(key -> records.put(MAP, key, key));

        records.removeAll(MAP, "1:");

        assertThat(records.get(MAP, "1:2", String.class)).isEmpty();
        assertThat(records.get(MAP, "1:3", String.class)).isEmpty();
        assertThat(records.get(MAP, "12:2", String.class)).contains("12:2");
    }

    @Test
    void shouldMakeAWriterOfTheKeyWaitForTheLockHolder() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> records.whileLocked(MAP, "1:2", () -> {
            locked.countDown();
            await(release);
            records.put(MAP, "1:2", "saved under the lock");
            return null;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> handIn = CompletableFuture.runAsync(() -> records.put(MAP, "1:2", "handed in"));

        // Unblocked, a put on one member takes about a millisecond.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !handIn.isDone());
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        handIn.get(10, TimeUnit.SECONDS);

        assertThat(records.get(MAP, "1:2", String.class)).contains("handed in");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
