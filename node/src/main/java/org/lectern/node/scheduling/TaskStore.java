package org.lectern.node.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.TaskState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code scheduled_tasks} table. Plain SQL rather than JPA: the claim is a conditional UPDATE whose row count
 * is the whole point, and every statement joins the caller's transaction.
 */
@Component
class TaskStore {

    private static final String COLUMNS = "id, kind, subject, due_at, state, attempts, last_run_at, last_run_node,"
            + " last_run_epoch, message";

    private final JdbcClient jdbc;

    TaskStore(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /** Schedules (kind, subject) at {@code dueAt}: a new task, or the existing one moved and scheduled afresh. */
    void schedule(String kind, String subject, Instant dueAt, String nodeId, Instant now) {
        int moved = jdbc.sql("update scheduled_tasks set due_at = ?, state = 'SCHEDULED', attempts = 0, message = null"
                        + " where kind = ? and subject = ?")
                .params(utc(dueAt), kind, subject).update();
        if (moved == 0) {
            jdbc.sql("insert into scheduled_tasks (kind, subject, due_at, state, attempts, created_by_node, created_at)"
                            + " values (?, ?, ?, 'SCHEDULED', 0, ?, ?)")
                    .params(kind, subject, utc(dueAt), nodeId, utc(now)).update();
        }
    }

    /** Schedules (kind, subject) at {@code dueAt} unless it is scheduled already; true if it was not. */
    boolean scheduleUnlessPending(String kind, String subject, Instant dueAt, String nodeId, Instant now) {
        Optional<Task> existing = find(kind, subject);
        if (existing.isPresent() && existing.get().state() == TaskState.SCHEDULED) {
            return false;
        }
        schedule(kind, subject, dueAt, nodeId, now);
        return true;
    }

    /** Withdraws a scheduled task; true if there was one waiting. */
    boolean cancel(String kind, String subject) {
        return jdbc.sql("update scheduled_tasks set state = 'CANCELLED' where kind = ? and subject = ?"
                        + " and state = 'SCHEDULED'")
                .params(kind, subject).update() == 1;
    }

    Optional<Task> find(String kind, String subject) {
        return jdbc.sql("select " + COLUMNS + " from scheduled_tasks where kind = ? and subject = ?")
                .params(kind, subject).query(TaskStore::task).optional();
    }

    /** Scheduled tasks of the given kinds due at {@code now}, most overdue first. */
    List<Task> due(Instant now, Collection<String> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from scheduled_tasks where state = 'SCHEDULED' and due_at <= :now"
                        + " and kind in (:kinds) order by due_at, id" + firstRows(limit))
                .param("now", utc(now)).param("kinds", List.copyOf(kinds)).query(TaskStore::task).list();
    }

    /**
     * The exactly-once gate: flips the task from SCHEDULED to RUNNING under this node and epoch if, and only if, it
     * is still scheduled and due. Exactly one caller across the cluster gets true; the row stays locked until the
     * caller's transaction ends, so a racing claim waits and then finds it no longer scheduled.
     */
    boolean claim(long taskId, Instant now, String nodeId, long epoch) {
        return jdbc.sql("update scheduled_tasks set state = 'RUNNING', last_run_at = ?, last_run_node = ?,"
                        + " last_run_epoch = ?, message = null"
                        + " where id = ? and state = 'SCHEDULED' and due_at <= ?")
                .params(utc(now), nodeId, epoch, taskId, utc(now)).update() == 1;
    }

    /** Marks a claimed task done, unless its handler scheduled it again meanwhile. */
    void finish(long taskId) {
        jdbc.sql("update scheduled_tasks set state = 'DONE' where id = ? and state = 'RUNNING'")
                .params(taskId).update();
    }

    /**
     * Records a failed attempt of a task whose claim was rolled back with its handler's work: scheduled again at
     * {@code retryAt}, or FAILED for good when {@code retryAt} is null. Only if no one touched it meanwhile.
     */
    boolean recordFailure(Task task, Instant now, String nodeId, long epoch, String message, Instant retryAt) {
        return jdbc.sql("update scheduled_tasks set state = ?, due_at = ?, attempts = ?, message = ?, last_run_at = ?,"
                        + " last_run_node = ?, last_run_epoch = ? where id = ? and state = 'SCHEDULED' and attempts = ?"
                        + " and due_at = ?")
                .params(retryAt == null ? TaskState.FAILED.name() : TaskState.SCHEDULED.name(),
                        utc(retryAt == null ? task.dueAt() : retryAt), task.attempts() + 1, shorten(message),
                        utc(now), nodeId, epoch, task.id(), task.attempts(), utc(task.dueAt()))
                .update() == 1;
    }

    /** Deletes finished tasks whose last change is older than {@code before}; returns how many. */
    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("delete from scheduled_tasks where state in ('DONE', 'FAILED', 'CANCELLED')"
                        + " and coalesce(last_run_at, due_at) < ?")
                .params(utc(before)).update();
    }

    /** What the cluster shows: the next pending tasks and the latest runs. */
    List<Task> pending(int limit) {
        return jdbc.sql("select " + COLUMNS + " from scheduled_tasks where state in ('SCHEDULED', 'RUNNING')"
                        + " order by due_at, id" + firstRows(limit))
                .query(TaskStore::task).list();
    }

    List<Task> recentRuns(int limit) {
        return jdbc.sql("select " + COLUMNS + " from scheduled_tasks where state in ('DONE', 'FAILED', 'CANCELLED')"
                        + " order by coalesce(last_run_at, due_at) desc, id desc" + firstRows(limit))
                .query(TaskStore::task).list();
    }

    private static Task task(ResultSet row, int number) throws SQLException {
        OffsetDateTime lastRunAt = row.getObject("last_run_at", OffsetDateTime.class);
        long lastRunEpoch = row.getLong("last_run_epoch");
        return new Task(row.getLong("id"), row.getString("kind"), row.getString("subject"),
                row.getObject("due_at", OffsetDateTime.class).toInstant(), TaskState.valueOf(row.getString("state")),
                row.getInt("attempts"), lastRunAt == null ? null : lastRunAt.toInstant(),
                row.getString("last_run_node"), lastRunEpoch, row.getString("message"));
    }

    /** Standard SQL both H2 and PostgreSQL read; the count is a number, never user input. */
    private static String firstRows(int limit) {
        return " fetch first " + limit + " rows only";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String shorten(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** One row of the table. */
    record Task(long id, String kind, String subject, Instant dueAt, TaskState state, int attempts,
            Instant lastRunAt, String lastRunNodeId, long lastRunEpoch, String message) {

        ScheduledTaskView view() {
            return new ScheduledTaskView(Long.toString(id), kind, subject, dueAt.toEpochMilli(), state,
                    lastRunAt == null ? 0 : lastRunAt.toEpochMilli(), lastRunNodeId == null ? "" : lastRunNodeId,
                    lastRunEpoch, message == null ? "" : message);
        }
    }
}
