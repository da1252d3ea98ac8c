package org.lectern.console.scheduler;

/** One scheduled task as the table shows it: times already formatted. */
public record TaskRow(String taskId, String kind, String subject, String due, String state, String lastRun,
        String lastRunNode, long lastRunEpoch, String message) {
}
