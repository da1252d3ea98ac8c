package org.lectern.node.messaging;

import java.time.Duration;
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
            StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
            error.setSessionId(sessionId);
            error.setMessage(reason);
            if (toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()))) {
                closed++;
            }
        }
        LOG.info("Closed {} client sessions: {}", closed, reason);
        return closed;
    }

    /**
     * Sends {@link ControlType#RECONNECT_ELSEWHERE} to every session connected to this node, and to no other.
     *
     * @param window the clients spread their reconnects uniformly over it
     * @return how many sessions were told (it goes to this node's own sessions, not through the broker)
     */
    public int reconnectElsewhere(Duration window, String reason) {
        ControlMessage message = new ControlMessage(ControlType.RECONNECT_ELSEWHERE, window.toMillis(), reason);
        int told = 0;
        for (String sessionId : sessions.sessions().keySet()) {
            // Addressed by session id, which Spring resolves to this one session, even one of a user who is
            // connected to other nodes as well.
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setSessionId(sessionId);
            headers.setLeaveMutable(true);
            template.convertAndSendToUser(sessionId, Realtime.CONTROL_QUEUE, message, headers.getMessageHeaders());
            told++;
        }
        LOG.info("Told {} client sessions to reconnect elsewhere within {}: {}", told, window, reason);
        return told;
    }
}
