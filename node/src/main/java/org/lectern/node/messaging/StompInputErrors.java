package org.lectern.node.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentTypeMismatchException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A SEND whose body a handler cannot read (binary, not JSON, JSON of the wrong shape, a number out of range) is
 * the client's mistake, like a malformed frame, and is answered the same way: a STOMP ERROR frame saying what was
 * wrong, and the connection closes. Left to Spring, it would only be logged, and the client would wait for an
 * answer that never comes.
 */
@ControllerAdvice
class StompInputErrors {

    private static final Logger log = LoggerFactory.getLogger(StompInputErrors.class);

    private final ClientControl clients;

    StompInputErrors(ClientControl clients) {
        this.clients = clients;
    }

    @MessageExceptionHandler({MessageConversionException.class, MethodArgumentTypeMismatchException.class,
            MethodArgumentNotValidException.class})
    void unreadable(Exception e, @Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId,
            @Header(name = SimpMessageHeaderAccessor.DESTINATION_HEADER, required = false) String destination) {
        String shown = StompAuthorization.printable(destination);
        log.info("Refused an unreadable SEND to {} from session {}: {}", shown, sessionId,
                StompAuthorization.printable(e.getMessage()));
        clients.refuse(sessionId, "Bad request: the body of a SEND to " + shown
                + " is not JSON of the expected shape.");
    }
}
