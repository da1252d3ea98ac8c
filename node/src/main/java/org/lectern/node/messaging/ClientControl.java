package org.lectern.node.messaging;

import java.time.Duration;
import java.util.Collection;
import org.lectern.shared.realtime.ControlMessage;
import org.lectern.shared.realtime.ControlType;
import org.lectern.shared.realtime.Realtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/** Tells the clients connected to this node what to do, e.g. to move to another node before this one drains. */
@Service
public class ClientControl {

    private static final Logger LOG = LoggerFactory.getLogger(ClientControl.class);

    private final SimpMessagingTemplate template;
    private final LocalStompSessions sessions;
    private final MessageChannel toClients;

    ClientControl(SimpMessagingTemplate template, LocalStompSessions sessions,
            @Qualifier("clientOutboundChannel") MessageChannel toClients) {
        this.template = template;
        this.sessions = sessions;
        this.toClients = toClients;
    }

    /** How many STOMP sessions are connected to this node now. */
    public int sessionCount() {
        return sessions.sessions().size();
    }

    /**
     * Ends every session connected to this node with a STOMP ERROR frame carrying {@code reason}; the protocol has the
     * server close the connection after it, and clients treat it as a lost connection and reconnect.
     *
     * @return how many sessions were ended
     */
    public int closeAll(String reason) {
        int closed = 0;
        for (String sessionId : sessions.sessions().keySet()) {
            if (sendError(sessionId, reason, null)) {
                closed++;
            }
        }
        LOG.info("Closed {} client sessions: {}", closed, reason);
        return closed;
    }

    /**
     * Ends these sessions because their rights ended: a STOMP ERROR frame whose {@link Realtime#CONTROL_HEADER}
     * says {@link ControlType#SESSION_ENDED}, which tells the client to go to the login page rather than reconnect
     * (the frame closes the connection, so nothing can overtake it).
     */
    void endSessions(Collection<String> sessionIds, String reason) {
        sessionIds.forEach(sessionId -> sendError(sessionId, reason, ControlType.SESSION_ENDED));
    }

    /**
     * Refuses what a session sent, as Spring refuses a malformed frame: a STOMP ERROR frame carrying {@code reason},
     * after which the connection closes.
     */
    void refuse(String sessionId, String reason) {
        sendError(sessionId, reason, null);
    }

    private boolean sendError(String sessionId, String reason, ControlType control) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(sessionId);
        error.setMessage(reason);
        if (control != null) {
            error.setNativeHeader(Realtime.CONTROL_HEADER, control.name());
        }
        return toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }

    /**
     * Sends {@link ControlType#RECONNECT_ELSEWHERE} to every session connected to this node, and to no other.
     *
     * @param window the clients spread their reconnects uniformly over it
     * @return how many sessions were told (it goes to this node's own sessions, not through the broker)
     */
    public int reconnectElsewhere(Duration window, String reason) {
        ControlMessage message = ControlMessage.reconnectElsewhere(window.toMillis(), reason);
        int told = 0;
        for (String sessionId : sessions.sessions().keySet()) {
            tell(sessionId, message);
            told++;
        }
        LOG.info("Told {} client sessions to reconnect elsewhere within {}: {}", told, window, reason);
        return told;
    }

    /** Sends a control message to one session of this node. */
    void tell(String sessionId, ControlMessage message) {
        // Addressed by session id, which Spring resolves to this one session, even one of a user who is
        // connected to other nodes as well.
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setLeaveMutable(true);
        template.convertAndSendToUser(sessionId, Realtime.CONTROL_QUEUE, message, headers.getMessageHeaders());
    }
}
