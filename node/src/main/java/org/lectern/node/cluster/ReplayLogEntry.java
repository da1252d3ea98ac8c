package org.lectern.node.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored value of one replay log. Mutable on purpose: only {@link HazelcastReplayLog}'s entry processor
 * changes it, on the partition thread that owns the key, which is what makes appends atomic cluster-wide.
 */
final class ReplayLogEntry {

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

    /** Its form between members ({@link ClusterSerializers}). */
    void writeTo(ObjectDataOutput out) throws IOException {
        out.writeLong(latestSeq);
        out.writeInt(messages.size());
        for (LoggedMessage message : messages) {
            out.writeLong(message.seq());
            out.writeString(message.payloadJson());
            out.writeLong(message.sentAtMillis());
        }
    }

    static ReplayLogEntry readFrom(ObjectDataInput in) throws IOException {
        ReplayLogEntry entry = new ReplayLogEntry();
        entry.latestSeq = in.readLong();
        int count = in.readInt();
        entry.messages.ensureCapacity(count);
        for (int i = 0; i < count; i++) {
            entry.messages.add(new LoggedMessage(in.readLong(), in.readString(), in.readLong()));
        }
        return entry;
    }
}
