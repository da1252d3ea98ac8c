package org.lectern.node.messaging;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The STOMP sessions connected to this node, from the session events that only the node holding a session
 * publishes: counted for the node's load, and addressed one by one when the node tells its clients to move.
 */
@Component
class LocalStompSessions implements LocalSessionCounts {

    private final Map<String, LocalSession> sessions = new ConcurrentHashMap<>();

    @EventListener
    void connected(SessionConnectedEvent event) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (sessionId != null) {
            sessions.put(sessionId, LocalSession.of(event.getUser()));
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    @Override
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public int userCount() {
        return (int) sessions.values().stream().map(LocalSession::login).filter(login -> !login.isEmpty()).distinct()
                .count();
    }

    /** Session id to who holds it, as of now. */
    Map<String, LocalSession> sessions() {
        return Map.copyOf(sessions);
    }

    /**
     * Who holds a session: the login ({@code ""} for an anonymous session) and, for a session opened with a login
     * token, the token's id and expiry, which end the session when the token ends.
     */
    record LocalSession(String login, String tokenId, Instant expiresAt) {

        static LocalSession of(Principal user) {
            if (user instanceof JwtAuthenticationToken authentication) {
                Jwt token = authentication.getToken();
                return new LocalSession(user.getName(), token.getId(), token.getExpiresAt());
            }
            return new LocalSession(user == null ? "" : user.getName(), null, null);
        }

        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }
}
