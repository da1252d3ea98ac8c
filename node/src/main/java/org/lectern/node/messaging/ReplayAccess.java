package org.lectern.node.messaging;

import java.security.Principal;

/**
 * Decides whether a caller may replay a destination: exactly whether they may subscribe to it. A port, so that
 * the destination registry's authorizer can implement it; while no bean implements it, {@link #ownAndSystem()}
 * applies.
 */
public interface ReplayAccess {

    /**
     * @param caller      the STOMP session's user
     * @param destination as the client subscribes to it: {@code /topic/...} or {@code /user/queue/...} (which
     *                    always means the caller's own personal destination)
     */
    boolean mayRead(Principal caller, String destination);

    /** The caller's own personal destinations and {@code /topic/system}, which every logged-in user may read. */
    static ReplayAccess ownAndSystem() {
        return (caller, destination) -> destination.startsWith(ReliableMessaging.OWN_PERSONAL_PREFIX)
                || ReliableMessaging.SYSTEM_TOPIC.equals(destination);
    }
}
