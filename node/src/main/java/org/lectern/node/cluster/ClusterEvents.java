package org.lectern.node.cluster;

import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;

/** The cluster's timeline, which consoles follow: what this node saw happen. */
public interface ClusterEvents {

    /**
     * Publishes an event from this node at best effort: a timeline entry is never worth failing the action it
     * reports.
     */
    void publish(ClusterEventKind kind, EventSeverity severity, String message);
}
