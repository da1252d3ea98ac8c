package org.lectern.console.load;

import org.lectern.shared.cluster.NodeStatus;

/**
 * One node's figures at one moment, as the node published them in its status record.
 *
 * @param nodeId         the node
 * @param atMillis       when, epoch milliseconds
 * @param users          distinct users
 * @param sessions       WebSocket sessions
 * @param savesPerSecond submission saves per second
 * @param saveP95Millis  95th percentile save latency
 */
public record LoadSample(String nodeId, long atMillis, double users, double sessions, double savesPerSecond,
        double saveP95Millis) {

    static LoadSample of(NodeStatus node, long atMillis) {
        return new LoadSample(node.nodeId(), atMillis, node.load().users(), node.load().webSocketSessions(),
                node.load().savesPerSecond(), node.load().saveP95Millis());
    }
}
