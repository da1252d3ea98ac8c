package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.io.Serial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;

/**
 * Replay logs as entries of one IMap, appended to by an entry processor. Not a CP {@code IAtomicLong}: the CP
 * subsystem needs Hazelcast Enterprise since 5.5, while an entry processor runs on the one partition thread that
 * owns the key, which serialises appends cluster-wide just as well. The map keeps one synchronous backup
 * ({@link HazelcastMemberConfiguration}), so a log survives the death of the member that holds it.
 */
@Component
class HazelcastReplayLog implements ReplayLog {

    /** Node-internal: the console has no business with it, so the name is not in shared-model. */
    static final String MAP_NAME = "lectern.replay-log";

    private final IMap<String, ReplayLogEntry> logs;

    HazelcastReplayLog(HazelcastInstance hazelcast) {
        this.logs = hazelcast.getMap(MAP_NAME);
    }

    @Override
    public long append(String key, String payloadJson, long sentAtMillis, int maxMessages, Duration maxAge) {
        return logs.executeOnKey(key, new Append(payloadJson, sentAtMillis, maxMessages, maxAge.toMillis()));
    }

    @Override
    public CompletionStage<Long> appendAsync(String key, String payloadJson, long sentAtMillis, int maxMessages,
            Duration maxAge) {
        return logs.submitToKey(key, new Append(payloadJson, sentAtMillis, maxMessages, maxAge.toMillis()));
    }

    @Override
    public ReplayLogSnapshot read(String key) {
        ReplayLogEntry entry = logs.get(key);
        return entry == null ? new ReplayLogSnapshot(0, List.of()) : entry.snapshot();
    }

    @Override
    public long latestSeq(String key) {
        return logs.executeOnKey(key, new LatestSeq());
    }

    /** Reads one number on the key's owner instead of shipping the whole log to the caller. */
    record LatestSeq() implements EntryProcessor<String, ReplayLogEntry, Long>, ReadOnly {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Long process(Map.Entry<String, ReplayLogEntry> entry) {
            return entry.getValue() == null ? 0L : entry.getValue().latestSeq();
        }

        @Override
        public EntryProcessor<String, ReplayLogEntry, Long> getBackupProcessor() {
            return null;
        }
    }

    /**
     * Runs on the key's owner and, as its own backup processor, again on the backup: both copies append the same
     * message under the same seq because the processor carries everything it decides by, the time included.
     */
    record Append(String payloadJson, long sentAtMillis, int maxMessages, long maxAgeMillis)
            implements EntryProcessor<String, ReplayLogEntry, Long> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Long process(Map.Entry<String, ReplayLogEntry> entry) {
            ReplayLogEntry log = entry.getValue() == null ? new ReplayLogEntry() : entry.getValue();
            long seq = log.append(payloadJson, sentAtMillis, maxMessages, maxAgeMillis);
            entry.setValue(log);
            return seq;
        }
    }
}
