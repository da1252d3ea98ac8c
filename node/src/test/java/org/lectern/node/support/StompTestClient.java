package org.lectern.node.support;

import java.lang.reflect.Type;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A STOMP-over-WebSocket client, connected as one logged-in user, that collects what arrives. */
public final class StompTestClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StompConnection connection;
    private final StompSession session;

    private StompTestClient(StompConnection connection) {
        this.connection = connection;
        this.session = connection.session();
    }

    /** Connects to {@code ws://127.0.0.1:port/ws} with the given login token (none: anonymous). */
    public static StompTestClient connect(int port, String token) throws Exception {
        return new StompTestClient(StompConnection.open(port, token, new StompSessionHandlerAdapter() { }));
    }

    /**
     * Subscribes and waits for the broker's receipt, so that whatever is sent afterwards is delivered.
     * Returns the queue the payloads arrive in.
     */
    public <T> BlockingQueue<T> subscribe(String destination, Class<T> payloadType) throws Exception {
        BlockingQueue<T> received = new LinkedBlockingQueue<>();
        subscribe(destination, payloadType, payload -> received.add(payloadType.cast(payload)));
        return received;
    }

    /**
     * Like {@link #subscribe}, for a destination whose messages come in the {@code Sequenced} envelope of reliable
     * messaging: the queue gets the payloads, in the order they arrive.
     */
    public <T> BlockingQueue<T> subscribeSequenced(String destination, Class<T> payloadType) throws Exception {
        BlockingQueue<T> received = new LinkedBlockingQueue<>();
        // Spring's client resolves a payload type to its raw class, so the envelope is read as a tree.
        subscribe(destination, JsonNode.class,
                envelope -> received.add(JSON.treeToValue(((JsonNode) envelope).get("payload"), payloadType)));
        return received;
    }

    private void subscribe(String destination, Type type, Consumer<Object> sink) throws Exception {
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return type;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                sink.accept(payload);
            }
        });
        subscription.addReceiptTask(() -> receipt.complete(null));
        subscription.addReceiptLostTask(() -> receipt.completeExceptionally(
                new AssertionError("No receipt for the subscription to " + destination)));
        receipt.get(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connection.close();
    }
}
