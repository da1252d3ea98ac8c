package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written forms of the live-submission and replay-log types: every field comes back as it went, nulls
 * and nanoseconds included, and Hazelcast picks them over Java serialization (which the records would also allow).
 */
class ClusterSerializersTest {

    private final SerializationService serialization = serializationService();

    private static SerializationService serializationService() {
        SerializationConfig config = new SerializationConfig();
        ClusterSerializers.register(config);
        return new DefaultSerializationServiceBuilder().setConfig(config).build();
    }

    private <T> T roundTrip(T value) {
        Data data = serialization.toData(value);
        assertThat(data.getType()).as("a type id of ours, not Java serialization's").isBetween(1001, 1099);
        return serialization.toObject(data);
    }

    private static LiveSave textSave(long id, String key) {
        return new LiveSave(id, 7, 0, key, Instant.ofEpochSecond(1_800_000_000L, 123_456_789), false, 42L,
                "answer " + key, null, null, null);
    }

    @Test
    void shouldKeepEveryFieldOfASaveWithAndWithoutItsNullableOnes() {
        LiveSave file = new LiveSave(5, 9, 3, "key-file", Instant.ofEpochSecond(-1, 999_999_999), true, null, null,
                "uploads/9/report.pdf", "report.pdf", 1_048_576L);
        LiveSave text = textSave(6, "key-text");

        assertThat(roundTrip(file)).isEqualTo(file);
        assertThat(roundTrip(text)).isEqualTo(text);
        assertThat(roundTrip(text.withoutContent())).isEqualTo(text.withoutContent());
    }

    @Test
    void shouldKeepAnOutcomeWithAndWithoutItsSave() {
        LiveSaveOutcome replayed = new LiveSaveOutcome(textSave(1, "a"), true, false);

        assertThat(roundTrip(replayed)).isEqualTo(replayed);
        assertThat(roundTrip(LiveSaveOutcome.NEEDS_DATABASE)).isEqualTo(LiveSaveOutcome.NEEDS_DATABASE);
    }

    @Test
    void shouldKeepAParticipationsSavesVersionsAndWhichArePending() {
        LiveParticipation participation = new LiveParticipation(4);
        participation.append(textSave(1, "a"), 100);
        participation.append(textSave(2, "b"), 200);
        participation.append(textSave(3, "c"), 300);
        participation.stored(List.of(1L));

        LiveParticipation copy = roundTrip(participation);

        assertThat(copy.pending()).isEqualTo(participation.pending());
        assertThat(copy.pendingCount()).isEqualTo(2);
        assertThat(copy.lastVersion()).isEqualTo(7);
        assertThat(copy.latest()).isEqualTo(participation.latest());
        assertThat(copy.withKey("a")).isEqualTo(participation.withKey("a"));
        assertThat(copy.withKey("a").orElseThrow().text()).as("stored and not the newest: no content").isNull();
        copy.stored(List.of(2L, 3L));
        assertThat(copy.idleBefore(301)).as("the last save's time came along").isTrue();
        assertThat(copy.idleBefore(300)).isFalse();
        assertThat(roundTrip(new LiveParticipation(0)).lastVersion()).isZero();
    }

    @Test
    void shouldKeepTheProcessorsThatAppendAndMarkSaves() {
        HazelcastLiveSubmissions.Append known = new HazelcastLiveSubmissions.Append(textSave(1, "a"), 12, 5_000L);
        HazelcastLiveSubmissions.Append unknown = new HazelcastLiveSubmissions.Append(textSave(2, "b"), null, 6_000L);
        HazelcastLiveSubmissions.MarkStored mark = new HazelcastLiveSubmissions.MarkStored(List.of(3L, 1L, 2L));

        assertThat(roundTrip(known)).isEqualTo(known);
        assertThat(roundTrip(unknown)).isEqualTo(unknown);
        assertThat(roundTrip(mark)).isEqualTo(mark);
    }

    @Test
    void shouldKeepAReplayLogAndItsAppend() {
        ReplayLogEntry log = new ReplayLogEntry();
        log.append("{\"n\":1}", 1_000, 2, 60_000);
        log.append("{\"n\":2}", 2_000, 2, 60_000);
        log.append("{\"n\":3, \"text\":\"ü – 😀\"}", 3_000, 2, 60_000);
        HazelcastReplayLog.Append append = new HazelcastReplayLog.Append("{\"n\":4}", 4_000, 200, 60_000);

        assertThat(roundTrip(log).snapshot()).isEqualTo(log.snapshot());
        assertThat(roundTrip(log).snapshot().latestSeq()).isEqualTo(3);
        assertThat(roundTrip(new ReplayLogEntry()).snapshot()).isEqualTo(new ReplayLogEntry().snapshot());
        assertThat(roundTrip(append)).isEqualTo(append);
    }
}
