package org.lectern.node.messaging;

import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.node.cluster.LoggedMessage;
import org.lectern.node.cluster.ReplayLog;
import org.lectern.node.messaging.ReliableMessaging.Target;
import org.lectern.shared.realtime.Sequenced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node's delivery of sequenced destinations to its sessions: each number once and in order. A number delivered
 * already is dropped; a gap (a message lost while the broker was away, or overtaken by a later one) is filled from
 * the {@link ReplayLog} before the message after it. {@link #deliver} and {@link #fillAll} run on one thread (the
 * relay's inbound thread); {@link #follow} and {@link #unfollow} may come from any.
 */
final class SequencedDelivery {

    /** Where delivered messages go: the in-node broker, which fans them out to the subscribed sessions. */
    interface Sink {

        void deliver(String key, Long seq, byte[] payload);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SequencedDelivery.class);

    private final ReplayLog log;
    private final JsonMapper json;
    private final Sink sink;
    private final Counter duplicates;
    private final Counter gapFilled;
    /** The last number delivered here, per followed destination (as published). */
    private final Map<String, Long> lastDelivered = new ConcurrentHashMap<>();

    SequencedDelivery(ReplayLog log, JsonMapper json, Sink sink, Counter duplicates, Counter gapFilled) {
        this.log = log;
        this.json = json;
        this.sink = sink;
        this.duplicates = duplicates;
        this.gapFilled = gapFilled;
    }

    /** Where a destination this node starts to follow stands: what it delivered, else the log's latest number. */
    long baselineOf(String key) {
        Long known = lastDelivered.get(key);
        if (known != null) {
            return known;
        }
        try {
            return log.latestSeq(key);
        } catch (RuntimeException e) { // 0: the first messages may then be filled twice, which clients drop
            LOG.warn("Could not read where the replay log of {} stands: {}", key, e.toString());
            return 0;
        }
    }

    /** From now on {@code key} is delivered in order from after {@code baseline}, unless it was followed already. */
    void follow(String key, long baseline) {
        lastDelivered.putIfAbsent(key, baseline);
    }

    void unfollow(String key) {
        lastDelivered.remove(key);
    }

    /** Hands a message on in order; a destination not followed (any more) is handed on as it comes. */
    void deliver(String key, Long seq, byte[] payload) {
        Long last = lastDelivered.get(key);
        if (seq != null && last != null) {
            if (seq <= last) {
                duplicates.increment();
                return;
            }
            if (seq > last + 1) {
                fill(key, last, seq);
            }
            lastDelivered.computeIfPresent(key, (k, previous) -> Math.max(previous, seq));
        }
        sink.deliver(key, seq, payload);
    }

    /** Delivers whatever the log holds beyond what was delivered, for every followed destination. */
    void fillAll() {
        for (Map.Entry<String, Long> followed : List.copyOf(lastDelivered.entrySet())) {
            fill(followed.getKey(), followed.getValue(), Long.MAX_VALUE);
        }
    }

    /** Delivers what the log holds for {@code key} after {@code after} and before {@code before}, in order. */
    private void fill(String key, long after, long before) {
        List<LoggedMessage> missed;
        try {
            missed = log.read(key).messages().stream()
                    .filter(message -> message.seq() > after && message.seq() < before)
                    .toList();
        } catch (RuntimeException e) { // the clients' own replay still covers the gap
            LOG.warn("Could not read the replay log of {} to fill a gap: {}", key, e.toString());
            return;
        }
        String subscribed = Target.published(key).subscribed();
        for (LoggedMessage message : missed) {
            Sequenced<?> envelope = new Sequenced<>(subscribed, message.seq(), message.sentAtMillis(),
                    json.readTree(message.payloadJson()));
            lastDelivered.computeIfPresent(key, (k, previous) -> Math.max(previous, message.seq()));
            sink.deliver(key, message.seq(), json.writeValueAsBytes(envelope));
            gapFilled.increment();
        }
    }
}
