package org.lectern.node.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.stomp.ReactorNettyTcpStompClient;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * This node's one STOMP connection to the message broker, whatever the number of browsers: every message the node
 * publishes leaves through it, and it holds one broker subscription per address the {@link NodeRelay} follows.
 *
 * <p>When the connection is lost the link reconnects by itself (to the next broker address when one refuses, see
 * {@link FailoverBrokerClient}), subscribes again to every address it holds, and only then tells its listener, so
 * the relay can fill what was published meanwhile from the replay log. Browsers never see the outage as more than
 * a delay: their WebSockets end at the node, not at the broker.
 */
@Component
class BrokerLink implements SmartLifecycle {

    static final String CONNECTIONS_GAUGE = "lectern.relay.broker.connections";
    static final String SUBSCRIPTIONS_GAUGE = "lectern.relay.broker.subscriptions";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    /** What the link hands on: messages from the broker and the moments it is connected again. */
    interface Listener {

        void received(StompHeaders headers, byte[] payload);

        /** All held addresses are subscribed again after a (re)connection; called once per connection. */
        void resubscribed();
    }

    private final ReactorNettyTcpStompClient client;
    private final BrokerCredentials credentials;
    private final TaskScheduler scheduler;
    private final ApplicationEventPublisher events;
    private final AtomicLong subscriptionIds = new AtomicLong();
    /** Broker addresses held, each with its subscription on the current connection. Guarded by this. */
    private final Map<String, Held> held = new HashMap<>();
    private volatile Listener listener;
    private volatile StompSession session;
    private volatile boolean running;
    private int failedAttempts;
    private boolean connecting;

    BrokerLink(BrokerProperties broker, BrokerCredentials credentials, WebSocketProperties webSocket,
            @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.events = events;
        this.client = new ReactorNettyTcpStompClient(new FailoverBrokerClient(broker.stompAddresses()));
        client.setTaskScheduler(scheduler);
        long heartbeat = webSocket.brokerHeartbeat().toMillis();
        client.setDefaultHeartbeat(new long[] {heartbeat, heartbeat});
        Gauge.builder(CONNECTIONS_GAUGE, this, link -> link.isConnected() ? 1 : 0)
                .description("Connections this node holds to the message broker (one, whatever the number of browsers)")
                .register(meters);
        Gauge.builder(SUBSCRIPTIONS_GAUGE, this, BrokerLink::subscriptionCount)
                .description("Broker subscriptions this node holds: one per destination its sessions follow")
                .register(meters);
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    boolean isConnected() {
        StompSession current = session;
        return current != null && current.isConnected();
    }

    synchronized int subscriptionCount() {
        return held.size();
    }

    /**
     * Sends one frame to {@code address}; at best effort: while the broker is away the message is not sent (the
     * replay log has it, and every node fills the gap when it is back).
     *
     * @return whether the frame was written to the broker connection
     */
    boolean send(String address, Map<String, String> headers, byte[] payload) {
        StompSession current = session;
        if (current == null || !current.isConnected()) {
            return false;
        }
        StompHeaders frame = new StompHeaders();
        frame.setDestination(address);
        frame.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.forEach(frame::set);
        try {
            current.send(frame, payload);
            return true;
        } catch (RuntimeException e) { // the connection closed under us: the same as not connected
            LOG.warn("Not sent to {}: {}", address, e.toString());
            return false;
        }
    }

    /**
     * Holds a subscription to {@code address} from now on, across reconnections.
     *
     * @return completes once the broker confirmed it, or at once while the broker is away (the subscription is
     *         made when it is back, and what was published meanwhile is filled from the replay log)
     */
    CompletableFuture<Void> subscribe(String address) {
        StompSession current;
        Held subscription;
        synchronized (this) {
            Held existing = held.get(address);
            if (existing != null) {
                return existing.confirmed();
            }
            current = connectedSession();
            subscription = current == null ? Held.waiting() : Held.on(current);
            held.put(address, subscription);
        }
        if (current != null) {
            subscribe(current, address, subscription);
        }
        return subscription.confirmed();
    }

    /** When the subscription to {@code address} is (or was) confirmed; completed if the address is not held. */
    synchronized CompletableFuture<Void> confirmation(String address) {
        Held subscription = held.get(address);
        return subscription == null ? CompletableFuture.completedFuture(null) : subscription.confirmed();
    }

    /** Gives up the subscription to {@code address}. */
    void unsubscribe(String address) {
        Held subscription;
        synchronized (this) {
            subscription = held.remove(address);
        }
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Sends the SUBSCRIBE on {@code on}; {@code subscription} completes with its receipt or the connection's loss. */
    private void subscribe(StompSession on, String address, Held subscription) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(address);
        headers.setId("relay-" + subscriptionIds.incrementAndGet());
        headers.setReceipt(headers.getId());
        try {
            StompSession.Subscription made = on.subscribe(headers, new Frames());
            made.addReceiptTask(() -> subscription.confirmed().complete(null));
            // A lost receipt means a lost connection: the reconnection subscribes again.
            made.addReceiptLostTask(() -> subscription.confirmed().complete(null));
            subscription.made(made);
        } catch (RuntimeException e) { // the connection closed under us: the reconnection subscribes again
            LOG.debug("Subscribe to {} not sent: {}", address, e.toString());
            subscription.confirmed().complete(null);
        }
    }

    private StompSession connectedSession() {
        StompSession current = session;
        return current != null && current.isConnected() ? current : null;
    }

    @Override
    public void start() {
        running = true;
        connect();
    }

    /** Disconnects, keeping the addresses held: a start (a paused context resumed) subscribes them again. */
    @Override
    public void stop() {
        running = false;
        StompSession current;
        synchronized (this) {
            current = session;
            session = null; // its closing is then no loss to react to
            held.replaceAll((address, subscription) -> Held.waiting());
        }
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }

    @PreDestroy
    void shutdown() {
        client.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Connected before the web server takes browsers, and disconnected after it stopped taking them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    /** One attempt at a time, and none while connected: the node holds one connection, never two. */
    private void connect() {
        synchronized (this) {
            if (!running || connecting || connectedSession() != null) {
                return;
            }
            connecting = true;
        }
        StompHeaders connect = new StompHeaders();
        connect.setLogin(credentials.user());
        connect.setPasscode(credentials.password());
        client.connectAsync(connect, new SessionHandler()).whenComplete((connected, failure) -> {
            synchronized (this) {
                connecting = false;
            }
            if (failure != null) {
                retryLater(failure);
            }
        });
    }

    private void retryLater(Throwable failure) {
        if (!running) {
            return;
        }
        long delay;
        synchronized (this) {
            delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failedAttempts, 5));
            failedAttempts++;
        }
        LOG.debug("Broker connection attempt failed ({}), next in {} ms", failure.toString(), delay);
        scheduler.schedule(this::connect, Instant.now().plusMillis(delay));
    }

    private void lost(StompSession which, Throwable cause) {
        synchronized (this) {
            if (session != which) {
                return; // an earlier connection's late news
            }
            session = null;
            held.replaceAll((address, subscription) -> Held.waiting());
        }
        if (running) {
            LOG.warn("Lost the message broker ({}): browsers stay connected to this node, messages wait in the "
                    + "replay log until it is back", cause.toString());
            events.publishEvent(new BrokerLinkChanged(false));
            retryLater(cause);
        }
    }

    private final class SessionHandler implements StompSessionHandler {

        @Override
        public void afterConnected(StompSession connected, StompHeaders headers) {
            Map<String, Held> renewed = new HashMap<>();
            synchronized (BrokerLink.this) {
                if (!running) { // stopped while connecting
                    connected.disconnect();
                    return;
                }
                session = connected;
                failedAttempts = 0;
                held.replaceAll((address, previous) -> Held.on(connected));
                renewed.putAll(held);
            }
            events.publishEvent(new BrokerLinkChanged(true));
            renewed.forEach((address, subscription) -> subscribe(connected, address, subscription));
            CompletableFuture.allOf(renewed.values().stream().map(Held::confirmed).toArray(CompletableFuture[]::new))
                    .thenRun(() -> {
                        Listener current = listener;
                        if (current != null && session == connected) {
                            current.resubscribed();
                        }
                    });
        }

        @Override
        public void handleException(StompSession on, StompCommand command, StompHeaders headers, byte[] payload,
                Throwable exception) {
            LOG.warn("Could not handle a {} frame from the broker: {}", command, exception.toString());
        }

        @Override
        public void handleTransportError(StompSession on, Throwable exception) {
            lost(on, exception);
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        /** An ERROR frame: the broker closes the connection after it, which {@link #handleTransportError} sees. */
        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            LOG.warn("The broker reported an error: {}", headers.getFirst("message"));
        }
    }

    /**
     * One held address: its subscription on one connection, and when the broker confirmed it. A subscription given up
     * before the broker's answer came is unsubscribed when it comes.
     */
    private static final class Held {

        private final StompSession on;
        private final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        private StompSession.Subscription subscription;
        private boolean cancelled;

        private Held(StompSession on) {
            this.on = on;
        }

        static Held on(StompSession session) {
            return new Held(session);
        }

        /** Held while the broker is away: confirmed at once, subscribed by the reconnection. */
        static Held waiting() {
            Held held = new Held(null);
            held.confirmed.complete(null);
            return held;
        }

        CompletableFuture<Void> confirmed() {
            return confirmed;
        }

        void made(StompSession.Subscription made) {
            boolean surplus;
            synchronized (this) {
                subscription = made;
                surplus = cancelled;
            }
            if (surplus) {
                unsubscribeQuietly(made);
            }
        }

        void cancel() {
            StompSession.Subscription made;
            synchronized (this) {
                cancelled = true;
                made = subscription;
            }
            if (made != null && on != null && on.isConnected()) {
                unsubscribeQuietly(made);
            }
        }

        private static void unsubscribeQuietly(StompSession.Subscription made) {
            try {
                made.unsubscribe();
            } catch (RuntimeException e) { // the connection is gone, and with it the subscription
                LOG.debug("Unsubscribe not sent: {}", e.toString());
            }
        }
    }

    /** Messages of every subscription go to the one listener, which reads the address from the headers. */
    private final class Frames implements StompFrameHandler {

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            Listener current = listener;
            if (current != null) {
                current.received(headers, (byte[]) payload);
            }
        }
    }
}
