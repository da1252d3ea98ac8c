package org.lectern.node.cluster;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hazelcast's form of what every save and every broadcast carries between members: the live-submission entries,
 * their saves and the processors that append and mark them, and the replay log's entries and appends. Java
 * serialization, Hazelcast's fallback for them, took 14 % of a node's CPU during a quiz, on owner, backup and
 * caller alike (docs/decisions.md). Written field by field as {@link StreamSerializer}s: the classes are records,
 * which cannot be {@code IdentifiedDataSerializable} (no constructor without arguments, final fields), and Compact
 * serialization would send a schema to every member for a handful of fixed shapes. Rare operations (a rebase after
 * a split, forgetting idle entries, a query by save id) keep Java serialization.
 *
 * <p>The type ids and the field order are the wire format between members: members of different formats cannot
 * share these maps, so a change to either is a new {@link #WIRE_FORMAT}, which a joining member compares with the
 * cluster's ({@link ClusterMembership#requireCompatible}).
 */
final class ClusterSerializers {

    /** The format of the types below; 1 was Java serialization throughout. */
    static final String WIRE_FORMAT = "2";

    private static final int LIVE_SAVE = 1001;
    private static final int LIVE_SAVE_OUTCOME = 1002;
    private static final int LIVE_PARTICIPATION = 1003;
    private static final int APPEND_SAVE = 1004;
    private static final int MARK_STORED = 1005;
    private static final int REPLAY_LOG_ENTRY = 1006;
    private static final int APPEND_MESSAGE = 1007;

    private ClusterSerializers() {
    }

    static void register(SerializationConfig config) {
        add(config, LiveSave.class, LIVE_SAVE, ClusterSerializers::writeSave, ClusterSerializers::readSave);
        add(config, LiveSaveOutcome.class, LIVE_SAVE_OUTCOME, (out, outcome) -> {
            out.writeBoolean(outcome.save() != null);
            if (outcome.save() != null) {
                writeSave(out, outcome.save());
            }
            out.writeBoolean(outcome.replayed());
            out.writeBoolean(outcome.needsDatabase());
        }, in -> new LiveSaveOutcome(in.readBoolean() ? readSave(in) : null, in.readBoolean(), in.readBoolean()));
        add(config, LiveParticipation.class, LIVE_PARTICIPATION, (out, participation) -> participation.writeTo(out),
                LiveParticipation::readFrom);
        add(config, HazelcastLiveSubmissions.Append.class, APPEND_SAVE, (out, append) -> {
            writeSave(out, append.draft());
            writeNullableInt(out, append.databaseLatestVersion());
            out.writeLong(append.nowMillis());
        }, in -> new HazelcastLiveSubmissions.Append(readSave(in), readNullableInt(in), in.readLong()));
        add(config, HazelcastLiveSubmissions.MarkStored.class, MARK_STORED, (out, mark) -> {
            out.writeInt(mark.saveIds().size());
            for (long id : mark.saveIds()) {
                out.writeLong(id);
            }
        }, in -> {
            int count = in.readInt();
            List<Long> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(in.readLong());
            }
            return new HazelcastLiveSubmissions.MarkStored(ids);
        });
        add(config, ReplayLogEntry.class, REPLAY_LOG_ENTRY, (out, entry) -> entry.writeTo(out),
                ReplayLogEntry::readFrom);
        add(config, HazelcastReplayLog.Append.class, APPEND_MESSAGE, (out, append) -> {
            out.writeString(append.payloadJson());
            out.writeLong(append.sentAtMillis());
            out.writeInt(append.maxMessages());
            out.writeLong(append.maxAgeMillis());
        }, in -> new HazelcastReplayLog.Append(in.readString(), in.readLong(), in.readInt(), in.readLong()));
    }

    static void writeSave(ObjectDataOutput out, LiveSave save) throws IOException {
        out.writeLong(save.id());
        out.writeLong(save.participationId());
        out.writeInt(save.version());
        out.writeString(save.idempotencyKey());
        out.writeLong(save.savedAt().getEpochSecond());
        out.writeInt(save.savedAt().getNano());
        out.writeBoolean(save.submitted());
        writeNullableLong(out, save.authorId());
        out.writeString(save.text());
        out.writeString(save.filePath());
        out.writeString(save.fileName());
        writeNullableLong(out, save.fileSizeBytes());
    }

    static LiveSave readSave(ObjectDataInput in) throws IOException {
        return new LiveSave(in.readLong(), in.readLong(), in.readInt(), in.readString(),
                Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readBoolean(), readNullableLong(in),
                in.readString(), in.readString(), in.readString(), readNullableLong(in));
    }

    private static void writeNullableLong(ObjectDataOutput out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readNullableLong(ObjectDataInput in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeNullableInt(ObjectDataOutput out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer readNullableInt(ObjectDataInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static <T> void add(SerializationConfig config, Class<T> type, int typeId, Writer<T> writer,
            Reader<T> reader) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(type).setImplementation(
                new StreamSerializer<T>() {
                    @Override
                    public int getTypeId() {
                        return typeId;
                    }

                    @Override
                    public void write(ObjectDataOutput out, T object) throws IOException {
                        writer.write(out, object);
                    }

                    @Override
                    public T read(ObjectDataInput in) throws IOException {
                        return reader.read(in);
                    }
                }));
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(ObjectDataOutput out, T object) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ObjectDataInput in) throws IOException;
    }
}
