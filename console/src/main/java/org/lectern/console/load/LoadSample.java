package org.lectern.console.load;

/**
 * One node's figures at one moment.
 *
 * @param nodeId         the node
 * @param atMillis       when, epoch milliseconds
 * @param users          distinct users
 * @param sessions       WebSocket sessions
 * @param savesPerSecond submission saves per second
 * @param saveP95Millis  95th percentile save latency
 * @param saveP99Millis  99th percentile save latency; NaN when only the status record was available
 * @param fromPrometheus whether the figures came from the node's Prometheus endpoint (else its status record)
 */
public record LoadSample(String nodeId, long atMillis, double users, double sessions, double savesPerSecond,
        double saveP95Millis, double saveP99Millis, boolean fromPrometheus) {
}
