package org.lectern.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FxThreadClusterListenerTest {

    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final List<String> delivered = new ArrayList<>();
    private final FxThreadClusterListener adapter = new FxThreadClusterListener(new ClusterListener() {
        @Override
        public void stateChanged(ConnectionState state) {
            delivered.add(state.name());
        }

        @Override
        public void membersChanged() {
            delivered.add("members");
        }
    }, fxQueue::add);

    private void runFxQueue() {
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
    }

    @Nested
    class StateChanges {

        @Test
        void shouldDeliverNothingWhenFxThreadHasNotRunYet() {
            adapter.stateChanged(ConnectionState.CONNECTED);

            assertThat(delivered).isEmpty();
        }

        @Test
        void shouldDeliverOnlyLatestStateWhenSeveralArriveBeforeFxThreadRuns() {
            adapter.stateChanged(ConnectionState.CONNECTING);
            adapter.stateChanged(ConnectionState.CONNECTED);
            adapter.stateChanged(ConnectionState.RECONNECTING);

            runFxQueue();

            assertThat(delivered).containsExactly("RECONNECTING");
        }

        @Test
        void shouldDeliverEachStateWhenFxThreadRunsInBetween() {
            adapter.stateChanged(ConnectionState.CONNECTING);
            runFxQueue();
            adapter.stateChanged(ConnectionState.CONNECTED);
            runFxQueue();

            assertThat(delivered).containsExactly("CONNECTING", "CONNECTED");
        }
    }

    @Nested
    class MembershipChanges {

        @Test
        void shouldDeliverOnceWhenBurstArrivesBeforeFxThreadRuns() {
            adapter.membersChanged();
            adapter.membersChanged();
            adapter.membersChanged();

            runFxQueue();

            assertThat(delivered).containsExactly("members");
        }

        @Test
        void shouldDeliverAgainWhenChangeArrivesAfterFxThreadRan() {
            adapter.membersChanged();
            runFxQueue();
            adapter.membersChanged();
            runFxQueue();

            assertThat(delivered).containsExactly("members", "members");
        }
    }
}
