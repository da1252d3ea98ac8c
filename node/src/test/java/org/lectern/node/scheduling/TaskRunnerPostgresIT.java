package org.lectern.node.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.PostgresNodeIntegrationTest;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.TaskState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim in the database on PostgreSQL, the cluster's database: runners that each believe they own the scheduler
 * (two sides of a split brain, under different epochs) race for the same tasks, and every task runs once. The
 * tasks are due a day from now, so the node's own scheduler, which looks at the real time, leaves them alone.
 */
class TaskRunnerPostgresIT extends PostgresNodeIntegrationTest {

    private static final Instant FAR = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    private static final AtomicInteger KINDS = new AtomicInteger();

    @Autowired
    TaskStore store;

    @Autowired
    ScheduledTasks tasks;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    FinishedTaskCleanUp cleanUp;

    @Test
    void shouldRunEveryTaskOnceWhenTwoOwnersOfASplitClusterRace() throws Exception {
        String kind = "test.race-" + KINDS.incrementAndGet();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            subjects.add("s" + i);
            tasks.schedule(kind, "s" + i, FAR.plusMillis(i));
        }
        ScheduledTaskHandler counting = handler(kind, subject ->
                runs.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet());
        CyclicBarrier start = new CyclicBarrier(4);
        List<Callable<List<ScheduledTaskView>>> owners = new ArrayList<>();
        for (int side = 0; side < 4; side++) {
            TaskRunner runner = runner(counting);
            String nodeId = "side-" + side;
            long epoch = 7 + side % 2;
            owners.add(() -> {
                start.await();
                return runner.runDue(FAR.plusSeconds(1), nodeId, epoch);
            });
        }

        List<ScheduledTaskView> ran = runConcurrently(owners);

        assertThat(runs).containsOnlyKeys(subjects);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(ran).extracting(ScheduledTaskView::subject).containsExactlyInAnyOrderElementsOf(subjects);
        for (String subject : subjects) {
            ScheduledTaskView task = tasks.find(kind, subject).orElseThrow();
            assertThat(task.state()).isEqualTo(TaskState.DONE);
            assertThat(task.lastRunNodeId()).startsWith("side-");
        }
    }

    @Test
    void shouldLeaveTheTaskScheduledForAnotherAttemptWhenItsHandlerFails() {
        String kind = "test.failing-" + KINDS.incrementAndGet();
        tasks.schedule(kind, "quiz-1", FAR);
        AtomicInteger calls = new AtomicInteger();
        TaskRunner runner = runner(handler(kind, subject -> {
            // What the handler wrote before it failed must roll back with the claim.
            tasks.schedule("test.side-effect-" + kind, subject, FAR);
            calls.incrementAndGet();
            throw new IllegalStateException("database gone half-way");
        }));

        List<ScheduledTaskView> ran = runner.runDue(FAR.plusSeconds(1), "node-x", 3);

        assertThat(ran).isEmpty();
        assertThat(calls).hasValue(1);
        ScheduledTaskView task = tasks.find(kind, "quiz-1").orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(task.message()).contains("database gone half-way");
        assertThat(task.dueAtMillis()).isEqualTo(FAR.plusSeconds(1).plus(Duration.ofSeconds(10)).toEpochMilli());
        assertThat(tasks.find("test.side-effect-" + kind, "quiz-1")).isEmpty();
    }

    @Test
    void shouldMarkTheTaskFailedWhenItsLastAttemptFails() {
        String kind = "test.hopeless-" + KINDS.incrementAndGet();
        tasks.schedule(kind, "x", FAR);
        AtomicInteger calls = new AtomicInteger();
        TaskRunner runner = runner(handler(kind, subject -> {
            calls.incrementAndGet();
            throw new IllegalStateException("always");
        }));

        Instant now = FAR;
        for (int attempt = 0; attempt < 5; attempt++) {
            now = now.plus(Duration.ofMinutes(1));
            runner.runDue(now, "node-x", 3);
        }

        assertThat(calls).hasValue(3);
        assertThat(tasks.find(kind, "x").orElseThrow().state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void shouldRunATaskAgainWhenItIsScheduledAgainAfterItRan() {
        String kind = "test.again-" + KINDS.incrementAndGet();
        AtomicInteger calls = new AtomicInteger();
        TaskRunner runner = runner(handler(kind, subject -> calls.incrementAndGet()));
        tasks.schedule(kind, "exam-1", FAR);
        runner.runDue(FAR, "node-x", 1);

        tasks.schedule(kind, "exam-1", FAR.plusSeconds(60));
        List<ScheduledTaskView> early = runner.runDue(FAR.plusSeconds(59), "node-x", 1);
        List<ScheduledTaskView> due = runner.runDue(FAR.plusSeconds(60), "node-x", 1);

        assertThat(early).isEmpty();
        assertThat(due).extracting(ScheduledTaskView::subject).containsExactly("exam-1");
        assertThat(calls).hasValue(2);
    }

    @Test
    void shouldNotRunACancelledTask() {
        String kind = "test.cancelled-" + KINDS.incrementAndGet();
        AtomicInteger calls = new AtomicInteger();
        tasks.schedule(kind, "q", FAR);

        assertThat(tasks.cancel(kind, "q")).isTrue();
        runner(handler(kind, subject -> calls.incrementAndGet())).runDue(FAR.plusSeconds(1), "node-x", 1);

        assertThat(calls).hasValue(0);
        assertThat(tasks.find(kind, "q").orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
        assertThat(tasks.cancel(kind, "q")).isFalse();
    }

    @Test
    void shouldDeleteOldFinishedTasksAndScheduleTheNextCleanUpWhenTheCleanUpRuns() {
        String kind = "test.old-" + KINDS.incrementAndGet();
        Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
        tasks.schedule(kind, "done-long-ago", longAgo);
        tasks.schedule(kind, "still-waiting", longAgo);
        runner(handler(kind, subject -> { })).runDue(longAgo, "node-x", 1);
        tasks.schedule(kind, "still-waiting", FAR);

        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                cleanUp.run(FinishedTaskCleanUp.SUBJECT));

        assertThat(tasks.find(kind, "done-long-ago")).isEmpty();
        assertThat(tasks.find(kind, "still-waiting")).get().extracting(ScheduledTaskView::state)
                .isEqualTo(TaskState.SCHEDULED);
        ScheduledTaskView next = tasks.find(FinishedTaskCleanUp.KIND, FinishedTaskCleanUp.SUBJECT).orElseThrow();
        assertThat(next.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(Instant.ofEpochMilli(next.dueAtMillis()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void shouldLeaveTasksOfKindsItHasNoHandlerFor() {
        String kind = "test.unknown-" + KINDS.incrementAndGet();
        tasks.schedule(kind, "x", FAR);

        List<ScheduledTaskView> ran = runner(handler("test.other", subject -> { })).runDue(FAR, "node-x", 1);

        assertThat(ran).isEmpty();
        ScheduledTaskView task = tasks.find(kind, "x").orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(task.lastRunNodeId()).isEmpty();
    }

    @Test
    void shouldRefuseAKindOrSubjectThatIsBlankOrTooLongAndStoreNothing() {
        String kind = "test.refused-" + KINDS.incrementAndGet();

        assertThatThrownBy(() -> tasks.schedule(" ", "x", FAR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tasks.schedule(kind, "x".repeat(101), FAR))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(tasks.find(kind, "x".repeat(100))).isEmpty();
    }

    private TaskRunner runner(ScheduledTaskHandler handler) {
        return new TaskRunner(store, List.of(handler), transactionManager,
                new SchedulerProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), 100, 50, 3,
                        Duration.ofSeconds(10), Duration.ofDays(7)),
                new SimpleMeterRegistry());
    }

    private static ScheduledTaskHandler handler(String kind, java.util.function.Consumer<String> work) {
        return new ScheduledTaskHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(String subject) {
                work.accept(subject);
            }
        };
    }

    private static <T> List<T> runConcurrently(List<Callable<List<T>>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<List<T>> result : pool.invokeAll(work)) {
                results.addAll(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
