package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveParticipationTest {

    /** A draft whose id and time both follow {@code at}, so the order it was made in is plain. */
    private static LiveSave draft(String key, long at) {
        return new LiveSave(at, 7, 0, key, Instant.ofEpochSecond(at), false, 1L, "text " + key, null, null, null);
    }

    private static List<Long> ids(LiveParticipation participation, String... keys) {
        return Arrays.stream(keys).map(key -> participation.withKey(key).orElseThrow().id()).toList();
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

            participation.stored(ids(participation, "a", "b"));

            assertThat(participation.pending()).extracting(LiveSave::idempotencyKey).containsExactly("c");
            assertThat(participation.pendingCount()).isEqualTo(1);
            assertThat(participation.withKey("a").orElseThrow().text()).isNull();
            assertThat(participation.withKey("a").orElseThrow().version()).isEqualTo(1);
            assertThat(participation.latest().orElseThrow().text()).isEqualTo("text c");
            assertThat(participation.idleBefore(10)).isFalse();
            participation.stored(ids(participation, "c"));
            assertThat(participation.latest().orElseThrow().text()).isEqualTo("text c");
            assertThat(participation.idleBefore(10)).isTrue();
            assertThat(participation.idleBefore(3)).isFalse();
        }

        @Test
        void shouldLeaveARenumberedSavePendingWhenAMarkNamesOnlyTheSaveThatWasWritten() {
            LiveParticipation left = new LiveParticipation(0);
            left.append(draft("a", 1), 1);
            LiveParticipation right = new LiveParticipation(0);
            right.append(draft("x", 2), 2);
            long writtenId = left.withKey("a").orElseThrow().id();

            LiveParticipation merged = LiveParticipation.merge(left, right);
            merged.stored(List.of(writtenId));

            assertThat(merged.pending()).extracting(LiveSave::idempotencyKey).containsExactly("x");
        }
    }

    @Nested
    class MergingAfterASplit {

        @Test
        void shouldKeepEveryPendingSaveOfBothSidesInTheOrderTheyWereMadeWhenTheyDiverged() {
            LiveParticipation left = new LiveParticipation(0);
            left.append(draft("a", 1), 1);
            left.append(draft("b", 5), 5);
            LiveParticipation right = new LiveParticipation(0);
            right.append(draft("a", 1), 1);
            right.append(draft("x", 3), 3);
            right.append(draft("y", 7), 7);

            LiveParticipation merged = LiveParticipation.merge(left, right);

            assertThat(merged.pending()).extracting(LiveSave::idempotencyKey).containsExactly("a", "x", "b", "y");
            assertThat(merged.pending()).extracting(LiveSave::version).containsExactly(1, 2, 3, 4);
            assertThat(merged.pending()).extracting(LiveSave::id).doesNotHaveDuplicates();
            assertThat(merged.withKey("b").orElseThrow().text()).isEqualTo("text b");
            assertThat(merged.latest().orElseThrow().idempotencyKey()).isEqualTo("y");
            assertThat(merged.pendingCount()).isEqualTo(4);
        }

        @Test
        void shouldGiveTheSameResultWhicheverSideMergesIntoTheOther() {
            LiveParticipation left = new LiveParticipation(2);
            left.append(draft("a", 4), 4);
            left.append(draft("b", 6), 6);
            left.stored(ids(left, "a"));
            LiveParticipation right = new LiveParticipation(2);
            right.append(draft("x", 5), 5);

            LiveParticipation one = LiveParticipation.merge(left, right);
            LiveParticipation other = LiveParticipation.merge(right, left);

            assertThat(one.pending()).isEqualTo(other.pending());
            assertThat(one.latest()).isEqualTo(other.latest());
            assertThat(one.lastVersion()).isEqualTo(other.lastVersion());
        }

        @Test
        void shouldKeepTheVersionsOfStoredSavesAndNumberPendingOnesAfterThemWhenBothSidesWroteToTheDatabase() {
            // Before the split: v1 stored on both. During it each side wrote one save, and the database's unique
            // key made the later writer take the next free version (a rebase): left's "a" is v2, right's "x" v3.
            LiveParticipation left = new LiveParticipation(0);
            left.append(draft("p", 1), 1);
            left.stored(ids(left, "p"));
            left.append(draft("a", 2), 2);
            left.stored(ids(left, "a"));
            left.append(draft("b", 6), 6);
            LiveParticipation right = new LiveParticipation(0);
            right.append(draft("p", 1), 1);
            right.stored(ids(right, "p"));
            right.append(draft("x", 3), 3);
            right.rebase(Map.of("p", 1, "a", 2, "x", 3));
            right.append(draft("y", 5), 5);

            LiveParticipation merged = LiveParticipation.merge(left, right);

            assertThat(merged.withKey("p").orElseThrow().version()).isEqualTo(1);
            assertThat(merged.withKey("a").orElseThrow().version()).isEqualTo(2);
            assertThat(merged.withKey("x").orElseThrow().version()).isEqualTo(3);
            assertThat(merged.pending()).extracting(LiveSave::idempotencyKey).containsExactly("y", "b");
            assertThat(merged.pending()).extracting(LiveSave::version).containsExactly(4, 5);
        }

        @Test
        void shouldKeepTheStoredCopyWhenASaveIsStoredOnOneSideAndPendingOnTheOther() {
            LiveParticipation left = new LiveParticipation(0);
            left.append(draft("a", 1), 1);
            left.stored(ids(left, "a"));
            LiveParticipation right = new LiveParticipation(0);
            right.append(draft("a", 1), 1);

            LiveParticipation merged = LiveParticipation.merge(left, right);

            assertThat(merged.pending()).isEmpty();
            assertThat(merged.withKey("a").orElseThrow().version()).isEqualTo(1);
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

    @Nested
    class RebasingOnTheDatabase {

        @Test
        void shouldTakeTheDatabasesVersionsAndNumberTheRestAfterThemWhenAVersionWasTaken() {
            LiveParticipation participation = new LiveParticipation(1);
            participation.append(draft("a", 2), 2);
            participation.append(draft("b", 3), 3);
            participation.append(draft("c", 4), 4);

            // The other half wrote "x" as v2 and "y" as v3; "b" made it in too, as v4, before its mark was lost.
            participation.rebase(Map.of("old", 1, "x", 2, "y", 3, "b", 4));

            assertThat(participation.pending()).extracting(LiveSave::idempotencyKey).containsExactly("a", "c");
            assertThat(participation.pending()).extracting(LiveSave::version).containsExactly(5, 6);
            assertThat(participation.withKey("b").orElseThrow().version()).isEqualTo(4);
            assertThat(participation.latest().orElseThrow().idempotencyKey()).isEqualTo("c");
            assertThat(participation.lastVersion()).isEqualTo(6);
        }
    }
}
