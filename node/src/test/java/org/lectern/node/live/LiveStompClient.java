package org.lectern.node.live;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lectern.shared.realtime.Sequenced;
import org.lectern.node.support.StompConnection;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

/** A client of the live events: subscribes with a receipt and reads each event with its {@code lectern-seq}. */
public final class LiveStompClient implements AutoCloseable {

    /** An event as it arrived: the {@code lectern-seq} header and the envelope, whose payload is a JSON map. */
    public record Event(String seqHeader, Sequenced<Map<String, Object>> envelope) {

        public Map<String, Object> payload() {
            return envelope.payload();
        }
    }

    private final StompConnection connection;
    private final StompSession session;

    private LiveStompClient(StompConnection connection) {
        this.connection = connection;
        this.session = connection.session();
    }

    public static LiveStompClient connect(int port, String token) throws Exception {
        return new LiveStompClient(StompConnection.open(port, token, new StompSessionHandlerAdapter() { }));
    }

    /** Subscribes and waits for the RECEIPT, so nothing published afterwards is missed. */
    public BlockingQueue<Event> subscribe(String destination) throws Exception {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return Sequenced.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(new Event(headers.getFirst(Sequenced.SEQ_HEADER),
                        (Sequenced<Map<String, Object>>) payload));
            }
        });
        subscription.addReceiptTask(() -> receipt.complete(null));
        subscription.addReceiptLostTask(() -> receipt.completeExceptionally(
                new AssertionError("No receipt for the subscription to " + destination)));
        receipt.get(15, TimeUnit.SECONDS);
        return received;
    }

    /** SENDs a JSON payload to an application destination. */
    public void send(String destination, Object payload) {
        session.send(destination, payload);
    }

    @Override
    public void close() {
        connection.close();
    }
}
