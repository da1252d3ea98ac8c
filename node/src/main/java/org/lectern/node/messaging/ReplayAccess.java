package org.lectern.node.messaging;

import java.security.Principal;

/**
 * Decides whether a caller may replay a destination: exactly whether they may subscribe to it
 * ({@link DestinationRules} answers both).
 */
public interface ReplayAccess {

    /**
     * @param caller      the STOMP session's user
     * @param destination as the client subscribes to it: {@code /topic/...} or {@code /user/queue/...} (which
     *                    always means the caller's own personal destination)
     */
    boolean mayRead(Principal caller, String destination);
}
