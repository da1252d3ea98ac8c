package org.lectern.node.realtime;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lectern.node.support.StompConnection;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * A STOMP client that, unlike {@link org.lectern.node.support.StompTestClient}, expects to be refused: it tells a
 * RECEIPT from an ERROR frame and notices when the server closes the connection.
 *
 * <p>A refusal is an ERROR frame followed by the server closing the WebSocket (1002). Spring sends the ERROR and
 * closes at once; when another thread is just then writing to the same session, the ERROR waits in the session's
 * buffer and the close discards it, so now and then a refusal arrives as the close alone ({@link Outcome#CLOSED}).
 */
final class StompProbe implements AutoCloseable {

    /** What became of a frame sent with a receipt request. */
    enum Outcome { RECEIPT, ERROR, CLOSED }

    /**
     * Sends {@code byte[]} bodies exactly as given, whatever content type the frame declares (Jackson would write
     * them as a base64 string); everything else as JSON.
     */
    private static final MessageConverter BYTES_AS_GIVEN = new CompositeMessageConverter(List.of(
            new MessageConverter() {
                @Override
                public Object fromMessage(Message<?> message, Class<?> targetClass) {
                    return null;
                }

                @Override
                public Message<?> toMessage(Object payload, MessageHeaders headers) {
                    return payload instanceof byte[] bytes ? MessageBuilder.createMessage(bytes, headers) : null;
                }
            },
            new JacksonJsonMessageConverter()));

    private final StompConnection connection;
    private final StompSession session;
    private final CompletableFuture<StompHeaders> error;
    private final CompletableFuture<Throwable> closed;

    private StompProbe(StompConnection connection, CompletableFuture<StompHeaders> error,
            CompletableFuture<Throwable> closed) {
        this.connection = connection;
        this.session = connection.session();
        this.error = error;
        this.closed = closed;
    }

    static StompProbe connect(int port, String token) throws Exception {
        CompletableFuture<StompHeaders> error = new CompletableFuture<>();
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        StompSessionHandlerAdapter handler = new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders frame) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders frame, Object payload) {
                // The session handler sees only frames no subscription claims: here, ERROR frames.
                error.complete(frame);
            }

            @Override
            public void handleTransportError(StompSession session, Throwable exception) {
                closed.complete(exception);
            }
        };
        return new StompProbe(StompConnection.open(port, token, handler, BYTES_AS_GIVEN), error, closed);
    }

    /** Subscribes and answers whether the server confirmed it (RECEIPT) or refused it (ERROR, or CLOSED). */
    Outcome subscribe(String destination) throws Exception {
        return subscribe(destination, new LinkedBlockingQueue<>());
    }

    /** Like {@link #subscribe(String)}; what arrives on the subscription goes to {@code inbox} as text. */
    Outcome subscribe(String destination, BlockingQueue<String> inbox) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        error.thenRun(() -> outcome.complete(Outcome.ERROR));
        closed.thenRun(() -> outcome.complete(Outcome.CLOSED));
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                inbox.add(new String((byte[]) payload, StandardCharsets.UTF_8));
            }
        });
        subscription.addReceiptTask(() -> outcome.complete(Outcome.RECEIPT));
        return outcome.get(15, TimeUnit.SECONDS);
    }

    /** Sends a JSON body; a refusal shows in {@link #errorMessage()}. */
    void send(String destination, String json) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exactly these headers and body bytes, whatever they say; a refusal shows as for a JSON send. */
    void send(StompHeaders headers, byte[] body) {
        session.send(headers, body);
    }

    /** The ERROR frame's message, once one arrived; empty if the server closed the connection without one. */
    Optional<String> errorMessage() throws Exception {
        return errorHeaders().map(frame -> frame.getFirst("message") == null ? "" : frame.getFirst("message"));
    }

    /** The ERROR frame's headers, once one arrived; empty if the server closed the connection without one. */
    Optional<StompHeaders> errorHeaders() throws Exception {
        CompletableFuture.anyOf(error, closed).get(15, TimeUnit.SECONDS);
        return Optional.ofNullable(error.getNow(null));
    }

    /** Waits until the server has closed the connection. */
    boolean awaitClosed() throws Exception {
        closed.get(15, TimeUnit.SECONDS);
        return !session.isConnected();
    }

    boolean isConnected() {
        return session.isConnected() && !closed.isDone();
    }

    @Override
    public void close() {
        connection.close();
    }
}
