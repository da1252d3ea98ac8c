package org.lectern.node.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How features record time-based work: on any node, inside their own transaction, so the task exists exactly when
 * the change that needs it commits. The scheduler owner runs it when it is due ({@link ScheduledTaskHandler}).
 * A task is named by its kind and subject; scheduling the same pair again moves its due time.
 */
@Service
public class ScheduledTasks {

    private static final int MAX_KIND = 50;
    private static final int MAX_SUBJECT = 100;

    private final TaskStore store;
    private final NodeProperties node;
    private final Clock clock;

    ScheduledTasks(TaskStore store, NodeProperties node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    /** Schedules {@code kind} for {@code subject} at {@code dueAt}, or moves it there if it exists (and runs it again). */
    @Transactional
    public void schedule(String kind, String subject, Instant dueAt) {
        check(kind, subject);
        store.schedule(kind, subject, dueAt, node.id(), clock.instant());
    }

    /** Withdraws the task if it has not run; true if there was one waiting. */
    @Transactional
    public boolean cancel(String kind, String subject) {
        check(kind, subject);
        return store.cancel(kind, subject);
    }

    @Transactional(readOnly = true)
    public Optional<ScheduledTaskView> find(String kind, String subject) {
        check(kind, subject);
        return store.find(kind, subject).map(TaskStore.Task::view);
    }

    private static void check(String kind, String subject) {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("A task kind has 1 to " + MAX_KIND + " characters: " + kind);
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A task subject has 1 to " + MAX_SUBJECT + " characters: " + subject);
        }
    }
}
