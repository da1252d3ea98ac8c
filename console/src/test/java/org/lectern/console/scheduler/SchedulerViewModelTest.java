package org.lectern.console.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lectern.console.connection.SchedulerSnapshot;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;
import org.lectern.shared.scheduling.TaskState;

class SchedulerViewModelTest {

    private static final long T = 1_790_000_000_000L;

    private final AtomicReference<SchedulerSnapshot> cluster = new AtomicReference<>(SchedulerSnapshot.EMPTY);
    private final SchedulerViewModel viewModel = new SchedulerViewModel(cluster::get, new SynchronousBackgroundExecutor(),
            ZoneOffset.UTC);

    @Test
    void shouldSayNobodyOwnsWhenThereIsNoOwner() {
        viewModel.refresh();

        assertThat(viewModel.ownerProperty().get()).isEqualTo("Nobody owns the scheduler");
        assertThat(viewModel.tasks()).isEmpty();
    }

    @Test
    void shouldShowOwnerTasksByDueTimeAndHistoryNewestFirst() {
        SchedulerOwnership first = new SchedulerOwnership("node-a", "u1", 1, T);
        SchedulerOwnership second = new SchedulerOwnership("node-b", "u2", 2, T + 60_000);
        cluster.set(new SchedulerSnapshot(Optional.of(second), List.of(first, second), List.of(
                new ScheduledTaskView("late", "quiz.end", "quiz 7", T + 120_000, TaskState.SCHEDULED, 0, "", 0, ""),
                new ScheduledTaskView("early", "exam.close", "exam 3", T, TaskState.FAILED, T + 1_000, "node-a", 1, "boom"))));

        viewModel.refresh();

        assertThat(viewModel.ownerProperty().get()).isEqualTo("node-b owns the scheduler (epoch 2, since 2026-09-21 14:14:20)");
        assertThat(viewModel.tasks()).extracting(TaskRow::taskId).containsExactly("early", "late");
        assertThat(viewModel.tasks().get(1).lastRun()).isEqualTo("never");
        assertThat(viewModel.history()).extracting(OwnershipRow::ownerNodeId).containsExactly("node-b", "node-a");
        assertThat(viewModel.taskSummaryProperty().get()).isEqualTo("2 tasks, 1 failed");
    }

    @Test
    void shouldReportTimingsWhenTenThousandTasksArrive() {
        List<ScheduledTaskView> tasks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tasks.add(new ScheduledTaskView("task-" + i, "quiz.end", "quiz " + i, T + (i * 7919L % 10_000) * 1000,
                    TaskState.SCHEDULED, 0, "", 0, ""));
        }
        cluster.set(new SchedulerSnapshot(Optional.empty(), List.of(), tasks));
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        SchedulerSnapshot snapshot = cluster.get();
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            viewModel.prepare(snapshot);
        }
        long[] prepared = new long[1];
        long worker = timed(() -> prepared[0] = viewModel.prepare(snapshot).tasks().size());
        SchedulerViewModel.Prepared rows = viewModel.prepare(snapshot);
        long firstApply = timed(() -> viewModel.apply(rows));
        SchedulerViewModel.Prepared same = viewModel.prepare(snapshot);
        long unchangedApply = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            unchangedApply = Math.min(unchangedApply, timed(() -> viewModel.apply(same)));
        }

        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        // Reported, not asserted: the figures go into docs/console.md.
        System.out.printf("Scheduler view-model, 10,000 tasks: worker (sort, format) %d ms, FX thread first apply %d ms,"
                + " FX thread unchanged apply (best of 5) %d ms, heap +%d MiB%n",
                worker, firstApply, unchangedApply, Math.max(0, heapAfter - heapBefore) >> 20);
        assertThat(prepared[0]).isEqualTo(10_000);
        assertThat(viewModel.tasks()).hasSize(10_000);
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
