package org.lectern.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.util.Locale;
import org.lectern.shared.topics.DestinationKind;
import org.lectern.shared.topics.TopicRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Lets a client SUBSCRIBE only to destinations declared in {@link TopicRegistry} whose rule it passes, and SEND
 * only to declared application ({@code /app}) destinations, never straight to the broker's {@code /topic} or
 * {@code /queue}. Anything else is refused with a STOMP ERROR frame (the connection closes), a warning and a
 * count in {@value #REFUSED_METER}, tagged by command and reason.
 */
@Component
class StompAuthorization implements ChannelInterceptor {

    static final String REFUSED_METER = "lectern.stomp.refused";

    private static final Logger log = LoggerFactory.getLogger(StompAuthorization.class);

    private final DestinationRules rules;
    private final MeterRegistry meters;
    private final String nodeId;

    StompAuthorization(DestinationRules rules, MeterRegistry meters, @Value("${lectern.node.id}") String nodeId) {
        this.rules = rules;
        this.meters = meters;
        this.nodeId = nodeId;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message; // heart-beats, and messages the node itself puts on the channel
        }
        StompCommand command = accessor.getCommand();
        if (command == StompCommand.SUBSCRIBE) {
            check(message, command, accessor, DestinationKind.PERSONAL, DestinationKind.TOPIC);
        } else if (command == StompCommand.SEND) {
            check(message, command, accessor, DestinationKind.APPLICATION);
        }
        return message;
    }

    private void check(Message<?> message, StompCommand command, StompHeaderAccessor accessor,
            DestinationKind... allowedKinds) {
        String destination = accessor.getDestination();
        Principal user = accessor.getUser();
        String login = user == null ? null : user.getName();
        DestinationRules.Verdict verdict = rules.decide(login, destination, allowedKinds);
        if (verdict != DestinationRules.Verdict.ALLOWED) {
            throw refuse(message, command, login, destination, verdict.name().toLowerCase(Locale.ROOT));
        }
    }

    private StompAccessDeniedException refuse(Message<?> message, StompCommand command, String login,
            String destination, String reason) {
        log.warn("Refused STOMP {} to {} for user {} on node {}: {}", command, printable(destination), login, nodeId,
                reason);
        meters.counter(REFUSED_METER, "command", command.name(), "reason", reason).increment();
        return new StompAccessDeniedException(message, "Access denied: " + command + " " + printable(destination)
                + " (" + reason + ")");
    }

    /**
     * The destination as a log line or an ERROR frame may show it: no line breaks a client could forge entries with,
     * not too long.
     */
    static String printable(String destination) {
        if (destination == null) {
            return null;
        }
        String shown = destination.length() > 300 ? destination.substring(0, 300) + "..." : destination;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

}
