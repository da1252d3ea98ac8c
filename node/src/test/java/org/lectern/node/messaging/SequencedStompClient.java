package org.lectern.node.messaging;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lectern.shared.realtime.Realtime;
import org.lectern.shared.realtime.ReplayRequest;
import org.lectern.shared.realtime.ReplayResponse;
import org.lectern.shared.realtime.Sequenced;
import org.lectern.node.support.StompConnection;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

/** A STOMP client as the replay protocol expects one: it reads envelopes with their seq header and asks replays. */
final class SequencedStompClient implements AutoCloseable {

    /** A message as it arrived: the {@code lectern-seq} header and the envelope, whose payload is a JSON map. */
    record Received(String seqHeader, Sequenced<Map<String, Object>> envelope) {

        int tick() {
            return ((Number) envelope.payload().get("n")).intValue();
        }
    }

    /** The payload the tests publish: a numbered tick. */
    record Tick(int n) {
    }

    private final StompConnection connection;
    private final StompSession session;

    private SequencedStompClient(StompConnection connection) {
        this.connection = connection;
        this.session = connection.session();
    }

    static SequencedStompClient connect(int port, String token) throws Exception {
        return new SequencedStompClient(StompConnection.open(port, token, new StompSessionHandlerAdapter() { }));
    }

    BlockingQueue<Received> subscribeSequenced(String destination) throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        subscribe(destination, Sequenced.class, (headers, payload) -> received.add(
                new Received(headers.getFirst(Sequenced.SEQ_HEADER), cast(payload))));
        return received;
    }

    BlockingQueue<ReplayResponse<Map<String, Object>>> subscribeReplays() throws Exception {
        BlockingQueue<ReplayResponse<Map<String, Object>>> received = new LinkedBlockingQueue<>();
        subscribe("/user" + Realtime.REPLAY_QUEUE, ReplayResponse.class,
                (headers, payload) -> received.add(cast(payload)));
        return received;
    }

    <T> BlockingQueue<T> subscribe(String destination, Class<T> type) throws Exception {
        BlockingQueue<T> received = new LinkedBlockingQueue<>();
        subscribe(destination, type, (headers, payload) -> received.add(type.cast(payload)));
        return received;
    }

    void askReplay(String destination, long lastSeq) {
        session.send(Realtime.REPLAY_ENDPOINT, new ReplayRequest(destination, lastSeq));
    }

    private void subscribe(String destination, Class<?> type, java.util.function.BiConsumer<StompHeaders, Object> sink)
            throws Exception {
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return type;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                sink.accept(headers, payload);
            }
        });
        subscription.addReceiptTask(() -> receipt.complete(null));
        subscription.addReceiptLostTask(() -> receipt.completeExceptionally(
                new AssertionError("No receipt for the subscription to " + destination)));
        receipt.get(15, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object payload) {
        return (T) payload;
    }

    /** False once the node closed the session (e.g. told the client that the broker went away). */
    boolean isConnected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        connection.close();
    }
}
