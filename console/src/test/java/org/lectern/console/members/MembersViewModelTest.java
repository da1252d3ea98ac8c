package org.lectern.console.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.console.connection.ClusterSnapshot;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;

class MembersViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final AtomicReference<ClusterSnapshot> cluster = new AtomicReference<>(ClusterSnapshot.EMPTY);
    private final AtomicBoolean offline = new AtomicBoolean();
    private final MembersViewModel viewModel = new MembersViewModel(() -> {
        if (offline.get()) {
            throw new IllegalStateException("offline");
        }
        return cluster.get();
    }, new SynchronousBackgroundExecutor(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static NodeStatus status(String nodeId, String memberUuid, NodeState state) {
        return new NodeStatus(nodeId, memberUuid, nodeId + ":8080", "1.0.0", "2",
                NOW.minus(Duration.ofMinutes(5)).toEpochMilli(), 100, state, NOW.minusSeconds(2).toEpochMilli(), true,
                false, NodeLoad.IDLE, ReplicaCounts.UNKNOWN);
    }

    private void show(Set<String> members, NodeStatus... statuses) {
        cluster.set(new ClusterSnapshot(members, List.of(statuses)));
        viewModel.refresh();
    }

    @Nested
    class Appearing {

        @Test
        void shouldShowNoRowsWhenNotConnected() {
            viewModel.refresh();

            assertThat(viewModel.rows()).isEmpty();
            assertThat(viewModel.memberCountProperty().get()).isZero();
        }

        @Test
        void shouldShowRowWhenMemberPublishedItsStatus() {
            show(Set.of("uuid-1"), status("node-1", "uuid-1", NodeState.READY));

            assertThat(viewModel.rows()).singleElement().satisfies(row -> {
                assertThat(row.nodeId()).isEqualTo("node-1");
                assertThat(row.stateProperty().get()).isEqualTo(NodeState.READY);
                assertThat(row.versionProperty().get()).isEqualTo("1.0.0");
                assertThat(row.httpAddressProperty().get()).isEqualTo("node-1:8080");
                assertThat(row.weightProperty().get()).isEqualTo(100);
                assertThat(row.uptimeProperty().get()).isEqualTo("5 min 0 s");
                assertThat(row.lastPublishedProperty().get()).isEqualTo("2 s ago");
            });
        }

        @Test
        void shouldCountMemberButShowNoRowWhenMemberHasNotPublishedYet() {
            show(Set.of("uuid-1", "uuid-2"), status("node-1", "uuid-1", NodeState.READY));

            assertThat(viewModel.rows()).extracting(MemberRow::nodeId).containsExactly("node-1");
            assertThat(viewModel.memberCountProperty().get()).isEqualTo(2);
        }

        @Test
        void shouldSortByNodeIdWhenStatusesArriveInAnyOrder() {
            show(Set.of("u1", "u2", "u3"),
                    status("node-c", "u3", NodeState.READY),
                    status("node-a", "u1", NodeState.READY),
                    status("node-b", "u2", NodeState.READY));

            assertThat(viewModel.rows()).extracting(MemberRow::nodeId).containsExactly("node-a", "node-b", "node-c");
        }

        @Test
        void shouldInsertInOrderWhenMemberJoinsLater() {
            show(Set.of("u1", "u3"), status("node-a", "u1", NodeState.READY), status("node-c", "u3", NodeState.READY));

            show(Set.of("u1", "u2", "u3"), status("node-a", "u1", NodeState.READY),
                    status("node-b", "u2", NodeState.STARTING), status("node-c", "u3", NodeState.READY));

            assertThat(viewModel.rows()).extracting(MemberRow::nodeId).containsExactly("node-a", "node-b", "node-c");
        }
    }

    @Nested
    class Updating {

        @Test
        void shouldUpdateRowInPlaceWhenStatusChanges() {
            show(Set.of("u1"), status("node-a", "u1", NodeState.READY));
            MemberRow before = viewModel.rows().get(0);

            show(Set.of("u1"), status("node-a", "u1", NodeState.DRAINING));

            assertThat(viewModel.rows()).singleElement().isSameAs(before);
            assertThat(before.stateProperty().get()).isEqualTo(NodeState.DRAINING);
        }

        @Test
        void shouldShowWhenANodeLosesItsBroker() {
            show(Set.of("u1"), status("node-a", "u1", NodeState.READY));
            MemberRow row = viewModel.rows().get(0);
            assertThat(row.brokerConnectedProperty().get()).isTrue();

            NodeStatus cutOff = status("node-a", "u1", NodeState.READY);
            show(Set.of("u1"), new NodeStatus(cutOff.nodeId(), cutOff.memberUuid(), cutOff.httpAddress(),
                    cutOff.version(), cutOff.schemaVersion(), cutOff.startedAtMillis(), cutOff.weight(), cutOff.state(),
                    cutOff.publishedAtMillis(), false, false, NodeLoad.IDLE, ReplicaCounts.UNKNOWN));

            assertThat(row.brokerConnectedProperty().get()).isFalse();
        }

        @Test
        void shouldShowHowLateTheNodesSavesReachTheDatabase() {
            show(Set.of("u1"), status("node-a", "u1", NodeState.READY));
            MemberRow row = viewModel.rows().get(0);
            assertThat(row.flushLagProperty().get()).isEqualTo("0.0 s");

            NodeStatus lagging = status("node-a", "u1", NodeState.READY);
            show(Set.of("u1"), new NodeStatus(lagging.nodeId(), lagging.memberUuid(), lagging.httpAddress(),
                    lagging.version(), lagging.schemaVersion(), lagging.startedAtMillis(), lagging.weight(),
                    lagging.state(), lagging.publishedAtMillis(), true, false, NodeLoad.IDLE, ReplicaCounts.UNKNOWN,
                    12_340));

            assertThat(row.flushLagProperty().get()).isEqualTo("12.3 s");
            assertThat(row.detailsProperty().get()).contains(new MemberRow.Detail("Load", "Flush lag", "12.3 s"));
        }

        @Test
        void shouldKeepOtherRowsWhenOneMemberLeaves() {
            show(Set.of("u1", "u2", "u3"), status("node-a", "u1", NodeState.READY),
                    status("node-b", "u2", NodeState.READY), status("node-c", "u3", NodeState.READY));
            MemberRow a = viewModel.rows().get(0);
            MemberRow c = viewModel.rows().get(2);

            show(Set.of("u1", "u3"), status("node-a", "u1", NodeState.READY),
                    status("node-b", "u2", NodeState.READY), status("node-c", "u3", NodeState.READY));

            assertThat(viewModel.rows()).containsExactly(a, c);
        }

        @Test
        void shouldIgnoreRefreshWhenOneIsStillUnderWay() {
            DeferredBackgroundExecutor deferred = new DeferredBackgroundExecutor();
            MembersViewModel slow = new MembersViewModel(cluster::get, deferred, Clock.fixed(NOW, ZoneOffset.UTC));

            slow.refresh();
            slow.refresh();
            assertThat(deferred.pending).hasSize(1);

            deferred.pending.remove().run();
            slow.refresh();
            assertThat(deferred.pending).hasSize(1);
        }
    }

    @Nested
    class Disappearing {

        @Test
        void shouldRemoveRowWhenMemberLeftEvenThoughStatusIsStillThere() {
            show(Set.of("u1", "u2"), status("node-a", "u1", NodeState.READY), status("node-b", "u2", NodeState.READY));

            show(Set.of("u1"), status("node-a", "u1", NodeState.READY), status("node-b", "u2", NodeState.READY));

            assertThat(viewModel.rows()).extracting(MemberRow::nodeId).containsExactly("node-a");
            assertThat(viewModel.memberCountProperty().get()).isEqualTo(1);
        }

        @Test
        void shouldRemoveRowWhenStatusExpired() {
            show(Set.of("u1", "u2"), status("node-a", "u1", NodeState.READY), status("node-b", "u2", NodeState.READY));

            show(Set.of("u1", "u2"), status("node-a", "u1", NodeState.READY));

            assertThat(viewModel.rows()).extracting(MemberRow::nodeId).containsExactly("node-a");
        }

        @Test
        void shouldRemoveAllRowsWhenConnectionIsLost() {
            show(Set.of("u1"), status("node-a", "u1", NodeState.READY));

            show(Set.of());

            assertThat(viewModel.rows()).isEmpty();
        }

        @Test
        void shouldKeepRowsWhenSnapshotFails() {
            show(Set.of("u1"), status("node-a", "u1", NodeState.READY));

            offline.set(true);
            viewModel.refresh();

            assertThat(viewModel.rows()).extracting(MemberRow::nodeId).containsExactly("node-a");
        }
    }

    @Nested
    class TimeTexts {

        @Test
        void shouldShowSecondsWhenUnderAMinute() {
            assertThat(MemberRow.formatUptime(Duration.ofSeconds(42))).isEqualTo("42 s");
        }

        @Test
        void shouldShowMinutesAndSecondsWhenUnderAnHour() {
            assertThat(MemberRow.formatUptime(Duration.ofSeconds(12 * 60 + 5))).isEqualTo("12 min 5 s");
        }

        @Test
        void shouldShowHoursAndMinutesWhenUnderADay() {
            assertThat(MemberRow.formatUptime(Duration.ofMinutes(3 * 60 + 12))).isEqualTo("3 h 12 min");
        }

        @Test
        void shouldShowDaysAndHoursWhenLonger() {
            assertThat(MemberRow.formatUptime(Duration.ofHours(2 * 24 + 4))).isEqualTo("2 d 4 h");
        }

        @Test
        void shouldShowZeroWhenNodeClockIsAhead() {
            assertThat(MemberRow.formatUptime(Duration.ofSeconds(-3))).isEqualTo("0 s");
            assertThat(MemberRow.formatAge(Duration.ofSeconds(-3))).isEqualTo("0 s ago");
        }

        @Test
        void shouldShowMinutesAgoWhenPublishedLongAgo() {
            assertThat(MemberRow.formatAge(Duration.ofSeconds(130))).isEqualTo("2 min ago");
        }
    }

    /** Holds work until the test runs it, to see what happens while a snapshot is under way. */
    private static final class DeferredBackgroundExecutor implements BackgroundExecutor {

        private final Queue<Runnable> pending = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception failure) {
                    onFailure.accept(failure);
                }
            });
        }
    }
}
