package org.lectern.console.connection;

import java.util.List;
import java.util.Optional;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;

/**
 * The scheduler as the cluster shows it.
 *
 * @param owner   the current owner, empty while nobody owns it
 * @param history earlier and current owners, any order
 * @param tasks   the durable tasks, any order
 */
public record SchedulerSnapshot(Optional<SchedulerOwnership> owner, List<SchedulerOwnership> history,
        List<ScheduledTaskView> tasks) {

    public static final SchedulerSnapshot EMPTY = new SchedulerSnapshot(Optional.empty(), List.of(), List.of());

    public SchedulerSnapshot {
        history = List.copyOf(history);
        tasks = List.copyOf(tasks);
    }
}
