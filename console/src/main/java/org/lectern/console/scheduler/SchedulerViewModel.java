package org.lectern.console.scheduler;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.connection.SchedulerSnapshot;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;
import org.lectern.shared.scheduling.TaskState;

/** The scheduler: who owns it under which epoch, the durable tasks by due time, and the ownership history. */
public final class SchedulerViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Callable<SchedulerSnapshot> source;
    private final BackgroundExecutor background;
    private final DateTimeFormatter time;
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private final ObservableList<OwnershipRow> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "Nobody owns the scheduler");
    private final ReadOnlyStringWrapper taskSummary = new ReadOnlyStringWrapper(this, "taskSummary", "");
    private boolean fetching;

    public SchedulerViewModel(Callable<SchedulerSnapshot> source, BackgroundExecutor background, ZoneId zone) {
        this.source = source;
        this.background = background;
        this.time = TIME.withZone(zone);
    }

    public ObservableList<TaskRow> tasks() {
        return FXCollections.unmodifiableObservableList(tasks);
    }

    /** Newest epoch first. */
    public ObservableList<OwnershipRow> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    /** E.g. {@code node-2 owns the scheduler (epoch 4, since …)}. */
    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taskSummaryProperty() {
        return taskSummary.getReadOnlyProperty();
    }

    public void refresh() {
        if (fetching) {
            return;
        }
        fetching = true;
        // Sorting and formatting 10,000 tasks happens on the worker; the FX thread only compares and swaps.
        background.run(() -> prepare(source.call()), prepared -> {
            fetching = false;
            apply(prepared);
        }, failure -> fetching = false);
    }

    /** What the FX thread shows, computed off it. */
    record Prepared(String owner, List<TaskRow> tasks, List<OwnershipRow> history, String summary) {
    }

    Prepared prepare(SchedulerSnapshot snapshot) {
        String ownerText = snapshot.owner()
                .map(current -> current.ownerNodeId() + " owns the scheduler (epoch " + current.epoch() + ", since "
                        + format(current.sinceMillis()) + ")")
                .orElse("Nobody owns the scheduler");
        List<TaskRow> freshTasks = snapshot.tasks().stream()
                .sorted(Comparator.comparingLong(ScheduledTaskView::dueAtMillis).thenComparing(ScheduledTaskView::taskId))
                .map(this::row)
                .toList();
        List<OwnershipRow> freshHistory = snapshot.history().stream()
                .sorted(Comparator.comparingLong(SchedulerOwnership::epoch).reversed())
                .map(entry -> new OwnershipRow(entry.epoch(), entry.ownerNodeId(), format(entry.sinceMillis())))
                .toList();
        long failed = snapshot.tasks().stream().filter(task -> task.state() == TaskState.FAILED).count();
        return new Prepared(ownerText, freshTasks, freshHistory,
                freshTasks.size() + " tasks" + (failed > 0 ? ", " + failed + " failed" : ""));
    }

    void apply(Prepared prepared) {
        owner.set(prepared.owner());
        // Replacing 10,000 rows re-lays the table; only do it when something changed.
        if (!prepared.tasks().equals(tasks)) {
            tasks.setAll(prepared.tasks());
        }
        if (!prepared.history().equals(history)) {
            history.setAll(prepared.history());
        }
        taskSummary.set(prepared.summary());
    }

    private TaskRow row(ScheduledTaskView task) {
        return new TaskRow(task.taskId(), task.kind(), task.subject(), format(task.dueAtMillis()), task.state().name(),
                task.lastRunAtMillis() == 0 ? "never" : format(task.lastRunAtMillis()), task.lastRunNodeId(),
                task.lastRunEpoch(), task.message());
    }

    private String format(long epochMillis) {
        return time.format(Instant.ofEpochMilli(epochMillis));
    }
}
