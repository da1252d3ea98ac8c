package org.lectern.node.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.lectern.node.cluster.LoggedMessage;
import org.lectern.node.cluster.ReplayLog;
import org.lectern.node.cluster.ReplayLogSnapshot;

/** The replay log's contract without Hazelcast, for unit tests: count-bounded, numbered per key. */
final class MemoryReplayLog implements ReplayLog {

    private final Map<String, ReplayLogSnapshot> logs = new HashMap<>();

    @Override
    public long append(String key, String payloadJson, long sentAtMillis, int maxMessages, Duration maxAge) {
        ReplayLogSnapshot log = read(key);
        long seq = log.latestSeq() + 1;
        List<LoggedMessage> messages = new ArrayList<>(log.messages());
        messages.add(new LoggedMessage(seq, payloadJson, sentAtMillis));
        logs.put(key, new ReplayLogSnapshot(seq,
                messages.subList(Math.max(0, messages.size() - maxMessages), messages.size())));
        return seq;
    }

    @Override
    public CompletionStage<Long> appendAsync(String key, String payloadJson, long sentAtMillis, int maxMessages,
            Duration maxAge) {
        return CompletableFuture.completedFuture(append(key, payloadJson, sentAtMillis, maxMessages, maxAge));
    }

    @Override
    public ReplayLogSnapshot read(String key) {
        return logs.getOrDefault(key, new ReplayLogSnapshot(0, List.of()));
    }

    @Override
    public long latestSeq(String key) {
        return read(key).latestSeq();
    }
}
