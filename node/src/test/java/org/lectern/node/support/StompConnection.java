package org.lectern.node.support;

import java.util.concurrent.TimeUnit;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * One STOMP-over-WebSocket connection to a test node as a logged-in user (token in the handshake, as a browser's
 * cookie or an API client's header would carry it), with receipts on. The test clients build on it and add their
 * own ways to subscribe; closing it disconnects and frees its threads.
 */
public final class StompConnection implements AutoCloseable {

    private final WebSocketStompClient client;
    private final ThreadPoolTaskScheduler scheduler;
    private final StompSession session;

    private StompConnection(WebSocketStompClient client, ThreadPoolTaskScheduler scheduler, StompSession session) {
        this.client = client;
        this.scheduler = scheduler;
        this.session = session;
    }

    /** Connects to {@code ws://127.0.0.1:port/ws} with the login token (none: anonymous, which the node refuses). */
    public static StompConnection open(int port, String token, StompSessionHandler handler) throws Exception {
        return open(port, token, handler, new JacksonJsonMessageConverter());
    }

    /** Like {@link #open(int, String, StompSessionHandler)}, with payloads converted by {@code converter}. */
    public static StompConnection open(int port, String token, StompSessionHandler handler,
            MessageConverter converter) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(converter);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler(); // times out lost receipts
        scheduler.setThreadNamePrefix("stomp-test-");
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (token != null) {
            headers.add("Authorization", "Bearer " + token);
        }
        try {
            StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", headers, handler)
                    .get(10, TimeUnit.SECONDS);
            session.setAutoReceipt(true);
            return new StompConnection(client, scheduler, session);
        } catch (Exception e) {
            client.stop();
            scheduler.shutdown();
            throw e;
        }
    }

    public StompSession session() {
        return session;
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            try {
                session.disconnect();
            } catch (MessageDeliveryException closedMeanwhile) {
                // A refused frame makes the node answer ERROR and close the socket: the session may still look
                // connected here for a moment after that, and then there is nothing left to disconnect.
            }
        }
        client.stop();
        scheduler.shutdown();
    }
}
