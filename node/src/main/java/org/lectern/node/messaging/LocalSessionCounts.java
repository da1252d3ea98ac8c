package org.lectern.node.messaging;

/** How many STOMP sessions, and distinct users among them, this node holds right now. */
public interface LocalSessionCounts {

    int sessionCount();

    /** Distinct logged-in users; anonymous sessions are not users. */
    int userCount();
}
