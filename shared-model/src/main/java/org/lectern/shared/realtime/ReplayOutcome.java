package org.lectern.shared.realtime;

/** How the node answered a {@link ReplayRequest}. */
public enum ReplayOutcome {
    /** {@link ReplayResponse#messages()} holds every message after the client's last seq, in order (maybe none). */
    REPLAYED,
    /** Messages after the client's last seq are no longer kept: reload the state over REST, then carry on. */
    RELOAD,
    /** The request was malformed or names a destination the caller may not read; nothing is replayed. */
    REJECTED
}
