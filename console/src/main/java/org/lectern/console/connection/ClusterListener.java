package org.lectern.console.connection;

import org.lectern.shared.cluster.ClusterEvent;

/** Hears about the cluster connection. {@link ClusterConnection} calls it on Hazelcast's threads. */
public interface ClusterListener {

    void stateChanged(ConnectionState state);

    /** A member joined or left; the receiver takes a fresh {@link ClusterSnapshot} when it wants one. */
    void membersChanged();

    /**
     * An event for the timeline: published by a node on the events topic, or a membership change the client saw
     * itself (so the timeline shows a member that died without a word).
     */
    default void eventReceived(ClusterEvent event) {
    }
}
