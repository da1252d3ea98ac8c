package org.lectern.node.messaging;

/** Sends messages to one user's personal destinations, on whichever node that user is connected to. */
public interface UserMessaging {

    /**
     * Sends {@code payload}, as JSON, to {@code destination} (one of the personal destinations of
     * {@link org.lectern.shared.topics.Destinations}) of the user with login {@code login}.
     */
    void sendToUser(String login, String destination, Object payload);
}
