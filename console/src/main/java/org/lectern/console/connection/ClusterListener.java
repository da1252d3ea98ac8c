package org.lectern.console.connection;

/** Hears about the cluster connection. {@link ClusterConnection} calls it on Hazelcast's threads. */
public interface ClusterListener {

    void stateChanged(ConnectionState state);

    /** A member joined or left; the receiver takes a fresh {@link ClusterSnapshot} when it wants one. */
    void membersChanged();
}
