package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveParticipationTest {

    private static LiveSave draft(String key, long at) {
        return new LiveSave(at, 7, 0, key, Instant.ofEpochSecond(at), false, 1L, "text " + key, null, null, null);
    }

    @Nested
    class Appending {

        @Test
        void shouldNumberSavesAfterTheDatabasesLatestVersionWhenAppended() {
            LiveParticipation participation = new LiveParticipation(3);

            LiveSave first = participation.append(draft("a", 1), 1);
            LiveSave second = participation.append(draft("b", 2), 2);

            assertThat(first.version()).isEqualTo(4);
            assertThat(second.version()).isEqualTo(5);
            assertThat(participation.pending()).extracting(LiveSave::idempotencyKey).containsExactly("a", "b");
            assertThat(participation.withKey("a")).contains(first);
        }

        @Test
        void shouldKeepOnlyTheNewestContentWhenSavesAreStored() {
            LiveParticipation participation = new LiveParticipation(0);
            participation.append(draft("a", 1), 1);
            participation.append(draft("b", 2), 2);
            participation.append(draft("c", 3), 3);

            participation.stored(2);

            assertThat(participation.pending()).extracting(LiveSave::idempotencyKey).containsExactly("c");
            assertThat(participation.pendingCount()).isEqualTo(1);
            assertThat(participation.withKey("a").orElseThrow().text()).isNull();
            assertThat(participation.withKey("a").orElseThrow().version()).isEqualTo(1);
            assertThat(participation.latest().orElseThrow().text()).isEqualTo("text c");
            assertThat(participation.idleBefore(10)).isFalse();
            participation.stored(3);
            assertThat(participation.latest().orElseThrow().text()).isEqualTo("text c");
            assertThat(participation.idleBefore(10)).isTrue();
            assertThat(participation.idleBefore(3)).isFalse();
        }
    }

    @Nested
    class MergingAfterASplit {

        @Test
        void shouldKeepEverySaveOfBothSidesWhenTheyDiverged() {
            LiveParticipation left = new LiveParticipation(0);
            left.append(draft("a", 1), 1);
            left.append(draft("b", 2), 2);
            LiveParticipation right = new LiveParticipation(0);
            right.append(draft("a", 1), 1);
            right.append(draft("x", 3), 3);
            right.append(draft("y", 4), 4);

            LiveParticipation merged = LiveParticipation.merge(left, right);

            assertThat(merged.pending()).extracting(LiveSave::idempotencyKey).containsExactly("a", "x", "y", "b");
            assertThat(merged.pending()).extracting(LiveSave::version).containsExactly(1, 2, 3, 4);
            assertThat(merged.withKey("b").orElseThrow().text()).isEqualTo("text b");
        }

        @Test
        void shouldChangeNothingWhenBothSidesAreEqual() {
            LiveParticipation left = new LiveParticipation(2);
            left.append(draft("a", 1), 1);
            LiveParticipation right = new LiveParticipation(2);
            right.append(draft("a", 1), 1);

            LiveParticipation merged = LiveParticipation.merge(left, right);

            assertThat(merged.pending()).extracting(LiveSave::version).containsExactly(3);
        }
    }
}
