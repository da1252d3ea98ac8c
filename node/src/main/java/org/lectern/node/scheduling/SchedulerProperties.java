package org.lectern.node.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the durable scheduler runs.
 *
 * @param pollInterval  how often the owner looks for due tasks (and every node re-checks who owns the scheduler)
 * @param viewInterval  how often the owner refreshes the task list the cluster shows
 * @param viewSize      how many pending tasks, and how many recent runs, the cluster shows at most
 * @param batchSize     how many due tasks the owner claims per look
 * @param maxAttempts   how often a failing task is tried before it stays FAILED
 * @param retryDelay    the wait before a failed task's next attempt, multiplied by the attempts so far
 * @param keepFinished  how long finished (done, failed, cancelled) tasks stay in the database
 */
@Validated
@ConfigurationProperties("lectern.scheduler")
public record SchedulerProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration viewInterval,
        @DefaultValue("100") @Min(1) @Max(10000) int viewSize,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("10s") Duration retryDelay,
        @DefaultValue("7d") Duration keepFinished) {
}
