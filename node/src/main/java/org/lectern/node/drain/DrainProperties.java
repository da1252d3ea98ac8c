package org.lectern.node.drain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a drain moves this node's work elsewhere.
 *
 * @param reconnectWindow the window the node's WebSocket clients spread their reconnects over (each waits a random
 *                        delay within it), so the other nodes see no storm
 * @param sessionDeadline how long after telling them the node waits for its clients to leave before it closes the
 *                        sessions that remain; at least the window
 * @param requestDeadline how long the node waits for HTTP requests in flight to finish
 * @param handoverDeadline how long the node waits for another node to take its scheduler over
 * @param flushDeadline   how long the node waits for its live submissions to reach the database with backups in sync
 */
@Validated
@ConfigurationProperties("lectern.drain")
public record DrainProperties(
        @DefaultValue("30s") Duration reconnectWindow,
        @DefaultValue("60s") Duration sessionDeadline,
        @DefaultValue("30s") Duration requestDeadline,
        @DefaultValue("15s") Duration handoverDeadline,
        @DefaultValue("30s") Duration flushDeadline) {

    public DrainProperties {
        if (sessionDeadline.compareTo(reconnectWindow) < 0) {
            throw new IllegalArgumentException("lectern.drain.session-deadline (" + sessionDeadline
                    + ") must be at least lectern.drain.reconnect-window (" + reconnectWindow + ")");
        }
    }
}
