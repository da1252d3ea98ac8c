package org.lectern.node.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.lectern.node.cluster.ReplayLog;
import org.lectern.node.messaging.ReliableMessaging.Target;
import org.lectern.shared.realtime.Sequenced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node-level relay: browsers' sessions and subscriptions live in this node (Spring's in-node broker does the
 * fan-out), and the message broker carries each message between nodes once, over this node's one
 * {@link BrokerLink}, whatever the number of browsers.
 *
 * <ul>
 * <li>The node follows a destination at the broker while at least one of its sessions does: the first local
 *     subscriber subscribes the node, the last one to leave unsubscribes it.</li>
 * <li>A personal destination ({@code /user/{login}/queue/...}) travels on the user's own broker address
 *     ({@value #USER_ADDRESS_PREFIX}{@code {login}}), which only nodes holding a session of that user follow: no
 *     node hears another's users, and the broker, not a registry that could go stale when a node dies, knows who
 *     holds whom.</li>
 * <li>Every sequenced destination is delivered to local sessions in order and once ({@link SequencedDelivery}).
 *     After a reconnection to the broker the node fills every followed destination from the {@link ReplayLog}, so
 *     browsers keep their WebSockets through a broker restart.</li>
 * </ul>
 */
@Component
public class NodeRelay implements CrossNodePublisher, BrokerLink.Listener, SmartInitializingSingleton {

    /** The destination as published, which is also its replay log's key. */
    static final String TARGET_HEADER = "lectern-target";
    static final String SENT_AT_HEADER = "lectern-sent-at";
    static final String USER_ADDRESS_PREFIX = "/topic/lectern.user.";

    static final String PUBLISHED_METER = "lectern.relay.published";
    static final String RECEIVED_METER = "lectern.relay.received";
    static final String DUPLICATES_METER = "lectern.relay.duplicates";
    static final String GAP_FILLED_METER = "lectern.relay.gap.filled";
    static final String LAG_METER = "lectern.relay.lag";
    static final String LOCAL_SUBSCRIPTIONS_GAUGE = "lectern.relay.local.subscriptions";

    private static final Logger LOG = LoggerFactory.getLogger(NodeRelay.class);

    private final BrokerLink link;
    private final MessageChannel brokerChannel;
    private final MessageChannel toClients;
    private final ObjectProvider<SimpleBrokerMessageHandler> inNodeBroker;
    private final JsonMapper json;
    private final Clock clock;
    /** One thread: messages from the broker are handed to local sessions in the order they arrive. */
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relay-inbound");
        thread.setDaemon(true);
        return thread;
    });

    /** Session id, then subscription id, to the destination (as published) it follows. Guarded by this. */
    private final Map<String, Map<String, String>> followedBySession = new HashMap<>();
    /** Local subscriptions per destination (as published). Guarded by this. */
    private final Map<String, Integer> subscribersByKey = new HashMap<>();
    /** Local subscriptions per broker address. Guarded by this. */
    private final Map<String, Integer> subscribersByAddress = new HashMap<>();

    private final Counter published;
    private final Counter received;
    private final Timer lag;
    private final SequencedDelivery delivery;

    NodeRelay(BrokerLink link, ReplayLog log, @Qualifier("brokerChannel") MessageChannel brokerChannel,
            @Qualifier("clientOutboundChannel") MessageChannel toClients,
            ObjectProvider<SimpleBrokerMessageHandler> inNodeBroker, JsonMapper json, Clock clock,
            MeterRegistry meters) {
        this.link = link;
        this.brokerChannel = brokerChannel;
        this.toClients = toClients;
        this.inNodeBroker = inNodeBroker;
        this.json = json;
        this.clock = clock;
        this.published = Counter.builder(PUBLISHED_METER)
                .description("Messages this node sent to the broker (once each, whatever the number of subscribers)")
                .register(meters);
        this.received = Counter.builder(RECEIVED_METER)
                .description("Messages this node received from the broker for its sessions").register(meters);
        this.delivery = new SequencedDelivery(log, json, this::deliverLocally,
                Counter.builder(DUPLICATES_METER)
                        .description("Messages from the broker dropped because this node had delivered them already")
                        .register(meters),
                Counter.builder(GAP_FILLED_METER)
                        .description("Messages delivered from the replay log because the broker did not bring them")
                        .register(meters));
        this.lag = Timer.builder(LAG_METER)
                .description("From a message's publication on any node to its hand-over to this node's sessions")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        Gauge.builder(LOCAL_SUBSCRIPTIONS_GAUGE, this, NodeRelay::localSubscriptionCount)
                .description("Subscriptions of this node's browser sessions that the relay follows at the broker")
                .register(meters);
        link.listen(this);
    }

    /** Puts the relay between the in-node broker and its subscription registry, before the broker starts. */
    @Override
    public void afterSingletonsInstantiated() {
        SimpleBrokerMessageHandler broker = inNodeBroker.getObject();
        broker.setSubscriptionRegistry(new Subscriptions(broker.getSubscriptionRegistry()));
    }

    /** Once, to the destination's broker address; this node hears it back if its sessions follow it. */
    @Override
    public boolean publish(String key, Sequenced<?> envelope) {
        Map<String, String> headers = Map.of(TARGET_HEADER, key,
                Sequenced.SEQ_HEADER, Long.toString(envelope.seq()),
                SENT_AT_HEADER, Long.toString(envelope.sentAtMillis()));
        boolean sent = link.send(brokerAddress(key), headers, json.writeValueAsBytes(envelope));
        if (sent) {
            published.increment();
        }
        return sent;
    }

    /** The broker address that carries {@code key}: a topic itself, a personal destination its user's address. */
    static String brokerAddress(String key) {
        Target target = Target.published(key);
        return target.login() == null ? key : USER_ADDRESS_PREFIX + addressSafe(target.login());
    }

    /**
     * A login as one word of an address: the broker reads {@code .} as a word separator and {@code *} and
     * {@code #} as wildcards, so those (and anything outside a plain set) are escaped.
     */
    static String addressSafe(String login) {
        StringBuilder safe = new StringBuilder(login.length());
        for (byte b : login.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                safe.append(c);
            } else {
                safe.append('~').append(String.format("%02X", b & 0xff));
            }
        }
        return safe.toString();
    }

    synchronized int localSubscriptionCount() {
        return followedBySession.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public void received(StompHeaders headers, byte[] payload) {
        String key = headers.getFirst(TARGET_HEADER);
        if (key == null) {
            LOG.warn("Dropped a message from the broker without {} on {}", TARGET_HEADER, headers.getDestination());
            return;
        }
        Long seq = parse(headers.getFirst(Sequenced.SEQ_HEADER));
        Long sentAt = parse(headers.getFirst(SENT_AT_HEADER));
        inbound.execute(() -> {
            received.increment();
            if (sentAt != null) {
                lag.record(Math.max(0, clock.millis() - sentAt), TimeUnit.MILLISECONDS);
            }
            try {
                delivery.deliver(key, seq, payload);
            } catch (RuntimeException e) { // one bad message must not stop the ones behind it
                LOG.warn("Could not deliver a message on {} (seq {}): {}", key, seq, e.toString());
            }
        });
    }

    @Override
    public void resubscribed() {
        inbound.execute(delivery::fillAll);
    }

    @PreDestroy
    void stop() {
        inbound.shutdownNow();
    }

    /** Hands a message to the in-node broker, which fans it out to this node's subscribed sessions. */
    private void deliverLocally(String key, Long seq, byte[] payload) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(key);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        if (seq != null) {
            headers.setNativeHeader(Sequenced.SEQ_HEADER, Long.toString(seq));
        }
        headers.setLeaveMutable(true);
        brokerChannel.send(MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
    }

    /** Subscription id to the destination (as published) of what this node's session follows now. */
    synchronized Map<String, String> followedBy(String sessionId) {
        return Map.copyOf(followedBySession.getOrDefault(sessionId, Map.of()));
    }

    /**
     * Ends one subscription of a local session from the node's side, as if the client had sent UNSUBSCRIBE: the
     * session gets nothing more from it, and the node stops following it at the broker if no one else does.
     */
    void drop(String sessionId, String subscriptionId) {
        SimpMessageHeaderAccessor unsubscribe = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        unsubscribe.setSessionId(sessionId);
        unsubscribe.setSubscriptionId(subscriptionId);
        inNodeBroker.getObject().getSubscriptionRegistry()
                .unregisterSubscription(MessageBuilder.createMessage(new byte[0], unsubscribe.getMessageHeaders()));
    }

    /**
     * Starts following what {@code subscription} asks for.
     *
     * @return completes when the node's broker subscription is in place
     */
    private CompletableFuture<Void> follow(String sessionId, String subscriptionId, String key, long baseline) {
        String address = brokerAddress(key);
        synchronized (this) {
            String previous = followedBySession.computeIfAbsent(sessionId, id -> new HashMap<>())
                    .put(subscriptionId, key);
            if (previous != null) {
                release(previous);
            }
            subscribersByKey.merge(key, 1, Integer::sum);
            delivery.follow(key, baseline);
            if (subscribersByAddress.merge(address, 1, Integer::sum) > 1) {
                return link.confirmation(address);
            }
            return link.subscribe(address);
        }
    }

    private synchronized void unfollow(String sessionId, String subscriptionId) {
        Map<String, String> followed = followedBySession.get(sessionId);
        String key = followed == null ? null : followed.remove(subscriptionId);
        if (key != null) {
            release(key);
        }
        if (followed != null && followed.isEmpty()) {
            followedBySession.remove(sessionId);
        }
    }

    private synchronized void unfollowAll(String sessionId) {
        Map<String, String> followed = followedBySession.remove(sessionId);
        if (followed != null) {
            followed.values().forEach(this::release);
        }
    }

    /** Guarded by this. */
    private void release(String key) {
        if (subscribersByKey.merge(key, -1, Integer::sum) <= 0) {
            subscribersByKey.remove(key);
            delivery.unfollow(key);
        }
        String address = brokerAddress(key);
        if (subscribersByAddress.merge(address, -1, Integer::sum) <= 0) {
            subscribersByAddress.remove(address);
            link.unsubscribe(address);
        }
    }

    /** The destination as published that a subscription means; {@code null} for one the relay does not carry. */
    private static String keyOf(SimpMessageHeaderAccessor subscription) {
        // A personal destination arrives here resolved to this session, with what the client asked for beside it.
        String original = subscription.getFirstNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION);
        if (original != null) {
            Principal user = subscription.getUser();
            Target target = user == null ? null : Target.subscribedBy(user.getName(), original);
            return target == null ? null : target.logKey();
        }
        String destination = subscription.getDestination();
        return destination != null && destination.startsWith(ReliableMessaging.TOPIC_PREFIX)
                && destination.length() > ReliableMessaging.TOPIC_PREFIX.length() ? destination : null;
    }

    private void confirmTo(String sessionId, String receipt) {
        StompHeaderAccessor confirmation = StompHeaderAccessor.create(StompCommand.RECEIPT);
        confirmation.setSessionId(sessionId);
        confirmation.setReceiptId(receipt);
        toClients.send(MessageBuilder.createMessage(new byte[0], confirmation.getMessageHeaders()));
    }

    private static Long parse(String number) {
        try {
            return number == null ? null : Long.valueOf(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The in-node broker's registry with the relay behind it: whatever a local session subscribes to, the node
     * follows at the broker, and a subscription's RECEIPT (which the in-node broker does not send) goes out once
     * the node's broker subscription is confirmed, so a message published after the receipt reaches the session.
     */
    private final class Subscriptions implements SubscriptionRegistry {

        private final SubscriptionRegistry local;

        Subscriptions(SubscriptionRegistry local) {
            this.local = local;
        }

        @Override
        public void registerSubscription(Message<?> message) {
            SimpMessageHeaderAccessor subscription = SimpMessageHeaderAccessor.wrap(message);
            String sessionId = subscription.getSessionId();
            String subscriptionId = subscription.getSubscriptionId();
            String key = keyOf(subscription);
            long baseline = key == null ? 0 : delivery.baselineOf(key);
            local.registerSubscription(message);
            CompletableFuture<Void> ready = key == null || sessionId == null || subscriptionId == null
                    ? CompletableFuture.completedFuture(null)
                    : follow(sessionId, subscriptionId, key, baseline);
            String receipt = StompHeaderAccessor.wrap(message).getReceipt();
            if (receipt != null && sessionId != null) {
                ready.whenComplete((done, failure) -> confirmTo(sessionId, receipt));
            }
        }

        @Override
        public void unregisterSubscription(Message<?> message) {
            local.unregisterSubscription(message);
            SimpMessageHeaderAccessor subscription = SimpMessageHeaderAccessor.wrap(message);
            if (subscription.getSessionId() != null && subscription.getSubscriptionId() != null) {
                unfollow(subscription.getSessionId(), subscription.getSubscriptionId());
            }
        }

        @Override
        public void unregisterAllSubscriptions(String sessionId) {
            local.unregisterAllSubscriptions(sessionId);
            unfollowAll(sessionId);
        }

        @Override
        public MultiValueMap<String, String> findSubscriptions(Message<?> message) {
            return local.findSubscriptions(message);
        }
    }
}
