package org.lectern.node.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored value of one participation in the live-submissions map: its saves, version ascending, and which of
 * them are in the database. Mutable on purpose: only entry processors change it, on the partition thread that owns
 * the participation, which makes appends atomic cluster-wide; every change is deterministic, so a backup replaying
 * the processor ends in the same state.
 *
 * <p>Saves are marked stored by id, not up to a version: a merge or a rebase renumbers pending saves, and a mark
 * by version that arrives afterwards would cover a save the database never got.
 */
final class LiveParticipation {

    /** The order of saves no version decides yet: the server's time, then the (unique) id. */
    private static final Comparator<LiveSave> MADE = Comparator.comparing(LiveSave::savedAt)
            .thenComparingLong(LiveSave::id);

    /** The database's latest version when the entry was made; no save at or below it is kept here. */
    private int baseVersion;
    /** When the newest save was appended (the appending node's clock), for forgetting idle participations. */
    private long lastSaveMillis;
    /** Saves not yet in the database; a field rather than derived so that map queries can filter on it. */
    private int pendingCount;
    private final ArrayList<LiveSave> saves = new ArrayList<>();
    /** Ids of the saves not yet in the database. */
    private final HashSet<Long> pendingIds = new HashSet<>();

    LiveParticipation(int baseVersion) {
        this.baseVersion = baseVersion;
    }

    Optional<LiveSave> withKey(String idempotencyKey) {
        return saves.stream().filter(save -> save.idempotencyKey().equals(idempotencyKey)).findFirst();
    }

    boolean holds(long submissionId) {
        return saves.stream().anyMatch(save -> save.id() == submissionId);
    }

    /** Appends the draft under the next version and answers it as kept. */
    LiveSave append(LiveSave draft, long nowMillis) {
        LiveSave save = draft.withVersion(lastVersion() + 1);
        saves.add(save);
        pendingIds.add(save.id());
        pendingCount = pendingIds.size();
        lastSaveMillis = nowMillis;
        return save;
    }

    int lastVersion() {
        return saves.isEmpty() ? baseVersion : Math.max(baseVersion, saves.get(saves.size() - 1).version());
    }

    Optional<LiveSave> latest() {
        return saves.isEmpty() ? Optional.empty() : Optional.of(saves.get(saves.size() - 1));
    }

    /** The saves not yet in the database, version ascending. */
    List<LiveSave> pending() {
        return saves.stream().filter(save -> pendingIds.contains(save.id())).toList();
    }

    int pendingCount() {
        return pendingCount;
    }

    /**
     * Notes that the saves with these ids are in the database: their content is dropped (the database answers
     * reads of it), except the newest save's, which reads of the latest answer take from here.
     */
    void stored(Collection<Long> saveIds) {
        pendingIds.removeAll(saveIds);
        pendingCount = pendingIds.size();
        dropStoredContent();
    }

    boolean idleBefore(long cutoffMillis) {
        return pendingCount == 0 && lastSaveMillis < cutoffMillis;
    }

    /**
     * Takes what the database holds for the participation after it refused a pending save's version (two sides of
     * a split each wrote their saves under the same numbers): a save whose key the database has takes the
     * database's version and counts as stored; the other pending saves, in their order, follow the highest version
     * either the database or this entry knows, so the next write cannot collide.
     *
     * @param databaseVersions idempotency key to version of every row the database holds for the participation
     */
    void rebase(Map<String, Integer> databaseVersions) {
        List<LiveSave> stillPending = new ArrayList<>();
        int highest = baseVersion;
        for (int i = 0; i < saves.size(); i++) {
            LiveSave save = saves.get(i);
            Integer inDatabase = databaseVersions.get(save.idempotencyKey());
            if (inDatabase != null) {
                saves.set(i, save.withVersion(inDatabase));
                pendingIds.remove(save.id());
            }
            if (pendingIds.contains(save.id())) {
                stillPending.add(save);
            } else {
                highest = Math.max(highest, saves.get(i).version());
            }
        }
        for (int version : databaseVersions.values()) {
            highest = Math.max(highest, version);
        }
        renumber(stillPending, highest);
    }

    /**
     * Joins what two sides of a split cluster kept, the same whichever side is {@code a}: every save of either
     * side survives once (by idempotency key; a save the database has wins over a pending copy, then the earlier).
     * Saves in the database keep their versions (rows are never changed, and the database's unique key kept them
     * apart); pending saves of both sides follow them in the order they were made (server time, then id).
     */
    static LiveParticipation merge(LiveParticipation a, LiveParticipation b) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (LiveParticipation side : List.of(a, b)) {
            for (LiveSave save : side.saves) {
                Candidate candidate = new Candidate(save, !side.pendingIds.contains(save.id()));
                byKey.merge(save.idempotencyKey(), candidate, Candidate::preferred);
            }
        }
        LiveParticipation merged = new LiveParticipation(Math.max(a.baseVersion, b.baseVersion));
        merged.lastSaveMillis = Math.max(a.lastSaveMillis, b.lastSaveMillis);
        int highest = merged.baseVersion;
        List<LiveSave> pending = new ArrayList<>();
        for (Candidate candidate : byKey.values()) {
            merged.saves.add(candidate.save());
            if (candidate.stored()) {
                highest = Math.max(highest, candidate.save().version());
            } else {
                merged.pendingIds.add(candidate.save().id());
                pending.add(candidate.save());
            }
        }
        pending.sort(MADE);
        merged.renumber(pending, highest);
        return merged;
    }

    /** Gives {@code pending} (which this entry holds) the versions after {@code highest}, in the given order. */
    private void renumber(List<LiveSave> pending, int highest) {
        Set<Long> ids = new HashSet<>();
        pending.forEach(save -> ids.add(save.id()));
        saves.removeIf(save -> ids.contains(save.id()));
        int version = highest;
        for (LiveSave save : pending) {
            saves.add(save.withVersion(++version));
        }
        saves.sort(Comparator.comparingInt(LiveSave::version).thenComparing(MADE));
        pendingCount = pendingIds.size();
        dropStoredContent();
    }

    private void dropStoredContent() {
        for (int i = 0; i < saves.size() - 1; i++) {
            LiveSave save = saves.get(i);
            if (!pendingIds.contains(save.id()) && save.text() != null) {
                saves.set(i, save.withoutContent());
            }
        }
    }

    /** Its form between members ({@link ClusterSerializers}): the fields, then the saves, then the pending ids. */
    void writeTo(ObjectDataOutput out) throws IOException {
        out.writeInt(baseVersion);
        out.writeLong(lastSaveMillis);
        out.writeInt(saves.size());
        for (LiveSave save : saves) {
            ClusterSerializers.writeSave(out, save);
        }
        out.writeInt(pendingIds.size());
        for (long id : pendingIds) {
            out.writeLong(id);
        }
    }

    static LiveParticipation readFrom(ObjectDataInput in) throws IOException {
        LiveParticipation participation = new LiveParticipation(in.readInt());
        participation.lastSaveMillis = in.readLong();
        int saves = in.readInt();
        participation.saves.ensureCapacity(saves);
        for (int i = 0; i < saves; i++) {
            participation.saves.add(ClusterSerializers.readSave(in));
        }
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
            participation.pendingIds.add(in.readLong());
        }
        participation.pendingCount = participation.pendingIds.size();
        return participation;
    }

    /** One side's copy of a save while merging. */
    private record Candidate(LiveSave save, boolean stored) {

        /** The copy to keep of two with the same key: the stored one, else the one made first. */
        static Candidate preferred(Candidate one, Candidate other) {
            if (one.stored != other.stored) {
                return one.stored ? one : other;
            }
            return MADE.compare(one.save, other.save) <= 0 ? one : other;
        }
    }
}
