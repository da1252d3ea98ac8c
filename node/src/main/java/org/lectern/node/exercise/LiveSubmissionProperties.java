package org.lectern.node.exercise;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live submissions (saves during a live quiz or an exam) reach the database.
 *
 * @param flushInterval        how often each node writes the pending saves it owns to the database
 * @param retention            how long a participation stays in the map after its last save once everything is
 *                             in the database: retries within it are answered without the database
 * @param shutdownFlushTimeout how long a stopping node waits for its saves to reach the database and its
 *                             backups to be in sync before its member leaves
 * @param maxFlushLag          how old the oldest save this node owns may be while not yet in the database; beyond
 *                             it the node refuses live saves (503, Retry-After) until the database catches up.
 *                             Longer than a database restart, so that saves ride one out
 */
@ConfigurationProperties("lectern.live-submissions")
record LiveSubmissionProperties(@DefaultValue("500ms") Duration flushInterval, @DefaultValue("30m") Duration retention,
        @DefaultValue("15s") Duration shutdownFlushTimeout, @DefaultValue("2m") Duration maxFlushLag) {

    LiveSubmissionProperties {
        if (!positive(flushInterval) || !positive(maxFlushLag)) {
            throw new IllegalArgumentException("lectern.live-submissions needs a positive flush-interval and "
                    + "max-flush-lag, got " + flushInterval + " and " + maxFlushLag);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
