package org.lectern.node.cluster;

import java.time.Duration;
import java.util.Collection;
import org.lectern.shared.cluster.NodeStatus;

/** The cluster-wide board where every node pins its status, and where anyone reads all of them. */
public interface NodeStatusBoard {

    /** Pins (or replaces) a node's status; it disappears by itself after {@code timeToLive} unless renewed. */
    void publish(NodeStatus status, Duration timeToLive);

    /** Takes a node's status off the board, as a node does when it stops. */
    void withdraw(String nodeId);

    /** The statuses of every node currently on the board. */
    Collection<NodeStatus> all();

    /** The Hazelcast member UUID of this node. */
    String localMemberId();
}
