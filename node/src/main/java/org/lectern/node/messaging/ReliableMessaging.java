package org.lectern.node.messaging;

import jakarta.annotation.PreDestroy;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.lectern.node.cluster.LoggedMessage;
import org.lectern.node.cluster.ReplayLog;
import org.lectern.node.cluster.ReplayLogSnapshot;
import org.lectern.shared.realtime.ReplayRequest;
import org.lectern.shared.realtime.ReplayResponse;
import org.lectern.shared.realtime.Sequenced;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends messages a client must not miss: each gets the next sequence number of its destination (header
 * {@value Sequenced#SEQ_HEADER} and a {@link Sequenced} envelope) and is kept in the cluster-wide
 * {@link ReplayLog}, from which a client that reconnects asks for what it missed.
 */
@Service
public class ReliableMessaging {

    static final String TOPIC_PREFIX = "/topic/";
    static final String USER_PREFIX = "/user/";
    static final String OWN_PERSONAL_PREFIX = "/user/queue/";
    static final String SYSTEM_TOPIC = "/topic/system";
    private static final String PERSONAL_PREFIX = "/queue/";
    private static final int OUTBOUND_LANES = 4;

    private final CrossNodePublisher relay;
    private final ReplayLog log;
    private final ReplayProperties bounds;
    private final JsonMapper json;
    private final Clock clock;
    private final ReplayAccess access;
    /**
     * A few threads send what was logged to the broker, each destination always on the same one, so that its
     * messages leave in the order the log answered. Without them the send ran in Hazelcast's default callback
     * executor, which on a machine of two cores or fewer starts a thread per callback: a quiz's results to a hall
     * started a thread per student, each blocked in the broker send. More than one, because each send waits for its
     * write: a hall's results and notifications go out side by side.
     */
    private final List<ExecutorService> outbound = IntStream.range(0, OUTBOUND_LANES)
            .mapToObj(lane -> Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "relay-outbound-" + lane);
                thread.setDaemon(true);
                return thread;
            }))
            .toList();

    ReliableMessaging(CrossNodePublisher relay, ReplayLog log, ReplayProperties bounds, JsonMapper json,
            Clock clock, ReplayAccess access) {
        this.relay = relay;
        this.log = log;
        this.bounds = bounds;
        this.json = json;
        this.clock = clock;
        this.access = access;
    }

    @PreDestroy
    void stop() {
        outbound.forEach(ExecutorService::shutdown);
    }

    /**
     * Publishes {@code payload} to {@code destination}: a topic ({@code /topic/...}) or one user's personal
     * destination ({@code /user/{login}/queue/...}, sequenced per user), and waits until it is logged.
     *
     * @return the envelope as sent
     * @throws IllegalArgumentException for any other destination
     */
    public <T> Sequenced<T> publish(String destination, T payload) {
        return publishAsync(destination, payload).toCompletableFuture().join();
    }

    /**
     * As {@link #publish}, without waiting for the replay log: the message goes to the broker once it is logged.
     *
     * @throws IllegalArgumentException at once for a destination that is neither a topic nor personal
     */
    public <T> CompletionStage<Sequenced<T>> publishAsync(String destination, T payload) {
        Target target = Target.published(destination);
        long sentAt = clock.millis();
        // Our own future, completed on the outbound lane: what callers chain on it runs there too, not in a thread
        // Hazelcast would start for it.
        CompletableFuture<Sequenced<T>> sent = new CompletableFuture<>();
        log.appendAsync(target.logKey(), json.writeValueAsString(payload), sentAt, bounds.maxMessages(),
                bounds.maxAge()).whenCompleteAsync((seq, failure) -> {
                    if (failure != null) {
                        sent.completeExceptionally(failure);
                        return;
                    }
                    Sequenced<T> envelope = new Sequenced<>(target.subscribed(), seq, sentAt, payload);
                    try {
                        // Logged first: what the broker does not carry now (it is away) every node fills from the log.
                        relay.publish(target.logKey(), envelope);
                        sent.complete(envelope);
                    } catch (RuntimeException e) {
                        sent.completeExceptionally(e);
                    }
                }, laneOf(target.logKey()));
        return sent;
    }

    /**
     * The lane of {@code key}; once the node is stopping, the thread that completes the append, so that a late
     * publication still completes (and its caller does not wait for ever) instead of being refused.
     */
    private Executor laneOf(String key) {
        ExecutorService lane = outbound.get(Math.floorMod(key.hashCode(), OUTBOUND_LANES));
        return task -> {
            try {
                lane.execute(task);
            } catch (RejectedExecutionException stopping) {
                task.run();
            }
        };
    }

    /** What {@code caller} missed on the destination of {@code request}, or why they cannot have it. */
    public ReplayResponse<JsonNode> replay(Principal caller, ReplayRequest request) {
        String destination = request.destination();
        if (destination == null || request.lastSeq() < 0) {
            return ReplayResponse.rejected(destination, "a destination and a lastSeq of 0 or more are required");
        }
        if (caller == null || Target.subscribedBy(caller.getName(), destination) == null
                || !access.mayRead(caller, destination)) {
            return ReplayResponse.rejected(destination, "not a destination you may read");
        }
        ReplayLogSnapshot snapshot = log.read(Target.subscribedBy(caller.getName(), destination).logKey());
        long lastSeq = request.lastSeq();
        long latest = snapshot.latestSeq();
        if (lastSeq > latest) {
            // Only after the log was lost (the whole cluster restarted): the client's numbers mean nothing now.
            return ReplayResponse.reload(destination, latest, "the destination's sequence was restarted");
        }
        long keptSince = clock.millis() - bounds.maxAge().toMillis();
        List<LoggedMessage> kept = snapshot.messages().stream()
                .filter(message -> message.sentAtMillis() >= keptSince)
                .toList();
        if (lastSeq < latest && (kept.isEmpty() || kept.get(0).seq() > lastSeq + 1)) {
            return ReplayResponse.reload(destination, latest, "messages after seq " + lastSeq + " are no longer kept");
        }
        List<Sequenced<JsonNode>> missed = kept.stream()
                .filter(message -> message.seq() > lastSeq)
                .map(message -> new Sequenced<>(destination, message.seq(), message.sentAtMillis(),
                        json.readTree(message.payloadJson())))
                .toList();
        return ReplayResponse.replayed(destination, latest, missed);
    }

    /**
     * A destination in its three spellings: as published, as subscribed, and as the replay log's key.
     *
     * @param login      the user of a personal destination; {@code null} for a topic
     * @param personal   the personal destination ({@code /queue/...}); {@code null} for a topic
     * @param subscribed what the client subscribes to
     * @param logKey     the replay log's key: the published spelling, which names the user
     */
    record Target(String login, String personal, String subscribed, String logKey) {

        static Target published(String destination) {
            if (isTopic(destination)) {
                return new Target(null, null, destination, destination);
            }
            if (destination.startsWith(USER_PREFIX)) {
                int loginEnd = destination.indexOf('/', USER_PREFIX.length());
                if (loginEnd > USER_PREFIX.length() && isPersonal(destination.substring(loginEnd))) {
                    String personal = destination.substring(loginEnd);
                    return new Target(destination.substring(USER_PREFIX.length(), loginEnd), personal,
                            "/user" + personal, destination);
                }
            }
            throw new IllegalArgumentException(
                    "Not a /topic/... or /user/{login}/queue/... destination: " + destination);
        }

        /** The target {@code login} means by subscribing to {@code destination}; {@code null} if none. */
        static Target subscribedBy(String login, String destination) {
            if (isTopic(destination)) {
                return new Target(null, null, destination, destination);
            }
            if (destination.startsWith(OWN_PERSONAL_PREFIX)) {
                String personal = destination.substring("/user".length());
                return isPersonal(personal)
                        ? new Target(login, personal, destination, USER_PREFIX + login + personal)
                        : null;
            }
            return null;
        }

        private static boolean isTopic(String destination) {
            return destination.startsWith(TOPIC_PREFIX) && destination.length() > TOPIC_PREFIX.length();
        }

        private static boolean isPersonal(String destination) {
            return destination.startsWith(PERSONAL_PREFIX) && destination.length() > PERSONAL_PREFIX.length();
        }
    }
}
