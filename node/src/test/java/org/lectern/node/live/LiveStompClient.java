package org.lectern.node.live;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lectern.shared.realtime.Sequenced;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A client of the live events: subscribes with a receipt and reads each event with its {@code lectern-seq}. */
public final class LiveStompClient implements AutoCloseable {

    /** An event as it arrived: the {@code lectern-seq} header and the envelope, whose payload is a JSON map. */
    public record Event(String seqHeader, Sequenced<Map<String, Object>> envelope) {

        public Map<String, Object> payload() {
            return envelope.payload();
        }
    }

    private final WebSocketStompClient client;
    private final ThreadPoolTaskScheduler scheduler;
    private final StompSession session;

    private LiveStompClient(WebSocketStompClient client, ThreadPoolTaskScheduler scheduler, StompSession session) {
        this.client = client;
        this.scheduler = scheduler;
        this.session = session;
    }

    public static LiveStompClient connect(int port, String token) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("stomp-live-test-");
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Authorization", "Bearer " + token);
        try {
            StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", headers,
                    new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
            session.setAutoReceipt(true);
            return new LiveStompClient(client, scheduler, session);
        } catch (Exception e) {
            client.stop();
            scheduler.shutdown();
            throw e;
        }
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
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
        scheduler.shutdown();
    }
}
