package org.lectern.node.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The STOMP sessions connected to this node, from the session events that only the node holding a session
 * publishes: counted for the node's load, and addressed one by one when the node tells its clients to move.
 */
@Component
class LocalStompSessions implements LocalSessionCounts {

    private final Map<String, String> loginsBySession = new ConcurrentHashMap<>();

    @EventListener
    void connected(SessionConnectedEvent event) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (sessionId != null) {
            loginsBySession.put(sessionId, event.getUser() == null ? "" : event.getUser().getName());
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        loginsBySession.remove(event.getSessionId());
    }

    @Override
    public int sessionCount() {
        return loginsBySession.size();
    }

    @Override
    public int userCount() {
        return (int) loginsBySession.values().stream().filter(login -> !login.isEmpty()).distinct().count();
    }

    /** Session id to login ({@code ""} for an anonymous session), as of now. */
    Map<String, String> sessions() {
        return Map.copyOf(loginsBySession);
    }
}
