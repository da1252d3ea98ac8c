package org.lectern.node.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due tasks, each claimed in the database in the same transaction as its handler's work. Knows nothing of
 * ownership: whoever calls it says under which node and epoch it runs, and the claim alone guarantees that a task
 * runs once even when two callers race (two nodes that both believe they own the scheduler, after a split).
 * Only kinds this node has a handler for are claimed: in a cluster of mixed versions, a task an older owner cannot
 * run waits for an owner that can, rather than failing. A handler that fails rolls its claim back with its work; the failure is then recorded in a transaction of its
 * own and the task tried again later, up to {@link SchedulerProperties#maxAttempts()}.
 */
@Component
class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final TaskStore store;
    private final Map<String, ScheduledTaskHandler> handlers;
    private final TransactionTemplate transaction;
    private final SchedulerProperties properties;
    private final MeterRegistry meters;

    TaskRunner(TaskStore store, List<ScheduledTaskHandler> handlers, PlatformTransactionManager transactionManager,
            SchedulerProperties properties, MeterRegistry meters) {
        this.store = store;
        // Two handlers for one kind is a programming error: refuse to start rather than pick one.
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ScheduledTaskHandler::kind,
                Function.identity()));
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Runs the tasks due at {@code now} that no one else runs.
     *
     * @return the tasks this call ran to completion
     */
    List<ScheduledTaskView> runDue(Instant now, String nodeId, long epoch) {
        List<ScheduledTaskView> ran = new ArrayList<>();
        List<TaskStore.Task> due = transaction.execute(status -> store.due(now, handlers.keySet(), properties.batchSize()));
        for (TaskStore.Task task : due) {
            try {
                Boolean claimed = transaction.execute(status -> {
                    if (!store.claim(task.id(), now, nodeId, epoch)) {
                        return false;
                    }
                    handlers.get(task.kind()).run(task.subject());
                    store.finish(task.id());
                    return true;
                });
                if (Boolean.TRUE.equals(claimed)) {
                    runs(task.kind()).increment();
                    ran.add(transaction.execute(status -> store.find(task.kind(), task.subject()))
                            .map(TaskStore.Task::view).orElseThrow());
                    LOG.info("Ran task {} {} ({}) under epoch {}", task.kind(), task.subject(), task.id(), epoch);
                }
            } catch (ConcurrencyFailureException elsewhere) {
                // Someone else held the claim longer than the database waits for a lock: it runs the task.
                LOG.debug("Task {} is being run elsewhere", task.id(), elsewhere);
            } catch (RuntimeException e) {
                failed(task, now, nodeId, epoch, e);
            }
        }
        return ran;
    }

    private void failed(TaskStore.Task task, Instant now, String nodeId, long epoch, RuntimeException e) {
        meters.counter("lectern.scheduler.task.failures", "kind", task.kind()).increment();
        int attempts = task.attempts() + 1;
        Instant retryAt = attempts < properties.maxAttempts()
                ? now.plus(properties.retryDelay().multipliedBy(attempts)) : null;
        if (retryAt == null) {
            LOG.error("Task {} {} ({}) failed {} times; it stays FAILED", task.kind(), task.subject(), task.id(),
                    attempts, e);
        } else {
            LOG.warn("Task {} {} ({}) failed; trying again at {}", task.kind(), task.subject(), task.id(), retryAt, e);
        }
        try {
            transaction.executeWithoutResult(status ->
                    store.recordFailure(task, now, nodeId, epoch, e.toString(), retryAt));
        } catch (RuntimeException recordFailed) {
            // The claim was rolled back, so the task is still scheduled: the next look tries it again.
            LOG.warn("Could not record the failure of task {}: {}", task.id(), recordFailed.toString());
        }
    }

    private Counter runs(String kind) {
        return meters.counter("lectern.scheduler.task.runs", "kind", kind);
    }
}
