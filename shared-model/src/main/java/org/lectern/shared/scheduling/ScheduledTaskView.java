package org.lectern.shared.scheduling;

/**
 * One durable scheduled task as the cluster shows it in
 * {@link org.lectern.shared.cluster.ClusterStructures#SCHEDULED_TASKS}.
 *
 * @param taskId          the task's id
 * @param kind            what it does, e.g. {@code quiz.end}
 * @param subject         what it acts on, e.g. {@code quiz 7}
 * @param dueAtMillis     when it is due, epoch milliseconds
 * @param state           where it is
 * @param lastRunAtMillis when it last ran, epoch milliseconds; 0 when it has not
 * @param lastRunNodeId   the node that ran it; empty when it has not
 * @param lastRunEpoch    the scheduler epoch it ran under; 0 when it has not
 * @param message         why it failed, or empty
 */
public record ScheduledTaskView(
        String taskId,
        String kind,
        String subject,
        long dueAtMillis,
        TaskState state,
        long lastRunAtMillis,
        String lastRunNodeId,
        long lastRunEpoch,
        String message) {
}
