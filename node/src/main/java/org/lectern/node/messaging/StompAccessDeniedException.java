package org.lectern.node.messaging;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * A client frame refused by {@link StompAuthorization}. Thrown from the inbound channel, it makes Spring answer
 * with a STOMP ERROR frame carrying this message and close the WebSocket.
 */
final class StompAccessDeniedException extends MessagingException {

    StompAccessDeniedException(Message<?> message, String description) {
        super(message, description);
    }
}
