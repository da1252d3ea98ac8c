package org.lectern.console.connection;

/** Where the console's Hazelcast client is, as the operator needs to know it. */
public enum ConnectionState {
    /** No client, or the client was shut down. */
    DISCONNECTED,
    /** A client was created and has not reached the cluster yet. */
    CONNECTING,
    /** The client talks to the cluster. */
    CONNECTED,
    /** The client lost the cluster and keeps trying to get it back. */
    RECONNECTING
}
