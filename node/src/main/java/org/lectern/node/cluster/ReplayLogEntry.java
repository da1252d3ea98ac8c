package org.lectern.node.cluster;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored value of one replay log. Mutable on purpose: only {@link HazelcastReplayLog}'s entry processor
 * changes it, on the partition thread that owns the key, which is what makes appends atomic cluster-wide.
 */
final class ReplayLogEntry implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private long latestSeq;
    private final ArrayList<LoggedMessage> messages = new ArrayList<>();

    /** Appends under the next seq, then trims to the bounds; deterministic, so backups replaying it agree. */
    long append(String payloadJson, long sentAtMillis, int maxMessages, long maxAgeMillis) {
        latestSeq++;
        messages.add(new LoggedMessage(latestSeq, payloadJson, sentAtMillis));
        int excess = messages.size() - maxMessages;
        if (excess > 0) {
            messages.subList(0, excess).clear();
        }
        long oldestKept = sentAtMillis - maxAgeMillis;
        messages.removeIf(message -> message.sentAtMillis() < oldestKept);
        return latestSeq;
    }

    long latestSeq() {
        return latestSeq;
    }

    ReplayLogSnapshot snapshot() {
        return new ReplayLogSnapshot(latestSeq, List.copyOf(messages));
    }
}
