package org.lectern.shared.cluster;

/**
 * How much a node carries right now, as part of its {@link NodeStatus}.
 *
 * @param webSocketSessions    open STOMP-over-WebSocket sessions
 * @param users                distinct users among those sessions
 * @param savesPerSecond       submission saves per second, over the last minute
 * @param saveP95Millis        95th percentile of the save latency, over the last minute, milliseconds
 * @param heapUsedBytes        JVM heap in use
 * @param heapMaxBytes         JVM heap limit
 * @param cpuLoad              the process's recent CPU load, 0..1 (negative when the JVM cannot tell)
 * @param deniedSubscriptions  STOMP subscriptions this node refused since it started
 * @param brokerConnections    connections this node holds to the message broker: one while connected, whatever
 *                             the number of browsers (the node relays for all its sessions)
 * @param brokerSubscriptions  subscriptions this node holds at the broker: one per destination its sessions follow
 * @param saveP99Millis        99th percentile of the save latency, over the last minute, milliseconds
 * @param deliveredPerSecond   messages per second this node delivered to its browser sessions over the last
 *                             minute: its share of the fan-out (a quiz start reaches every participant's session)
 */
public record NodeLoad(
        int webSocketSessions,
        int users,
        double savesPerSecond,
        double saveP95Millis,
        long heapUsedBytes,
        long heapMaxBytes,
        double cpuLoad,
        long deniedSubscriptions,
        int brokerConnections,
        int brokerSubscriptions,
        double saveP99Millis,
        double deliveredPerSecond) {

    /** A node that carries nothing (or has not measured yet). */
    public static final NodeLoad IDLE = new NodeLoad(0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0);

    /** The figures of nodes before save p99 and fan-out were published: those two are zero. */
    public NodeLoad(int webSocketSessions, int users, double savesPerSecond, double saveP95Millis, long heapUsedBytes,
            long heapMaxBytes, double cpuLoad, long deniedSubscriptions, int brokerConnections,
            int brokerSubscriptions) {
        this(webSocketSessions, users, savesPerSecond, saveP95Millis, heapUsedBytes, heapMaxBytes, cpuLoad,
                deniedSubscriptions, brokerConnections, brokerSubscriptions, 0, 0);
    }
}
