package org.lectern.console.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.console.support.Statuses.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lectern.console.support.Statuses;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;

class LoadViewModelTest {

    private final AtomicLong now = new AtomicLong(Statuses.NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final LoadViewModel viewModel = new LoadViewModel(LoadSampler.FROM_STATUS_RECORDS,
            new SynchronousBackgroundExecutor(), clock);

    @Test
    void shouldSampleAtMostOncePerIntervalAndForgetAfterThirtyMinutes() {
        var nodes = Map.of("node-a", status("node-a", NodeState.READY, Statuses.load(10, 8, 1, 20),
                ReplicaCounts.UNKNOWN, false));

        viewModel.update(nodes);
        viewModel.update(nodes);
        assertThat(viewModel.historyProperty().get().get("node-a")).hasSize(1);

        now.addAndGet(LoadViewModel.INTERVAL.toMillis());
        viewModel.update(nodes);
        assertThat(viewModel.historyProperty().get().get("node-a")).hasSize(2);

        now.addAndGet(LoadViewModel.WINDOW.toMillis() + 1);
        viewModel.update(nodes);
        assertThat(viewModel.historyProperty().get().get("node-a")).hasSize(1)
                .first().satisfies(sample -> assertThat(sample.users()).isEqualTo(8));
    }

    @Test
    void shouldTakeTheFiguresEveryNodePublishedWhenSamplingStatusRecords() {
        var node = new NodeStatus("node-a", "u", "127.0.0.1:1", "1", "2", 0, 100,
                NodeState.READY, 0, true, false, Statuses.load(5, 4, 2, 30), ReplicaCounts.UNKNOWN);

        List<LoadSample> samples = LoadSampler.FROM_STATUS_RECORDS.sample(List.of(node), 1);

        assertThat(samples).containsExactly(new LoadSample("node-a", 1, node.load().users(),
                node.load().webSocketSessions(), node.load().savesPerSecond(), node.load().saveP95Millis()));
        assertThat(samples.get(0).users()).isEqualTo(4);
    }
}
