package org.lectern.node.team;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.shared.team.TeamPresence;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * {@code /app/teams/{teamId}/presence}: a member says they are online (or offline) in a team, and the node tells
 * the team on {@code /topic/teams/{teamId}}. The SEND is authorized before it gets here (TEAM_MEMBER). Each node
 * remembers the teams a session announced itself in, so a closed connection is announced offline too.
 */
@Controller
class TeamPresenceController {

    /** What a member SENDs; without a body (or {@code online}) they are online. */
    record PresenceRequest(Boolean online) {
    }

    private final LiveEvents live;
    private final Clock clock;
    /** Per STOMP session of this node: the user and the teams they said they are online in. */
    private final Map<String, Online> sessions = new ConcurrentHashMap<>();

    TeamPresenceController(LiveEvents live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    @MessageMapping("/teams/{teamId}/presence")
    void presence(@DestinationVariable long teamId, @Payload(required = false) PresenceRequest request,
            Principal user, @Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
        boolean online = request == null || request.online() == null || request.online();
        Online session = sessions.computeIfAbsent(sessionId, id -> new Online(user.getName(),
                ConcurrentHashMap.newKeySet()));
        if (online) {
            session.teams().add(teamId);
        } else {
            session.teams().remove(teamId);
        }
        announce(teamId, user.getName(), online);
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        Online session = sessions.remove(event.getSessionId());
        if (session != null) {
            session.teams().forEach(teamId -> announce(teamId, session.login(), false));
        }
    }

    private void announce(long teamId, String login, boolean online) {
        live.publishAfterCommit(TopicRegistry.TEAM.destination(teamId),
                new TeamPresence(teamId, login, online, clock.instant()));
    }

    private record Online(String login, Set<Long> teams) {
    }
}
