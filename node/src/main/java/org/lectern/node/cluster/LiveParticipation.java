package org.lectern.node.cluster;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stored value of one participation in the live-submissions map: its saves, version ascending, and how far
 * they are in the database. Mutable on purpose: only entry processors change it, on the partition thread that owns
 * the participation, which makes appends atomic cluster-wide; every change is deterministic, so a backup replaying
 * the processor ends in the same state.
 */
final class LiveParticipation implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The highest version known to be in the database. */
    private int storedVersion;
    /** When the newest save was appended (the appending node's clock), for forgetting idle participations. */
    private long lastSaveMillis;
    /** Saves above {@link #storedVersion}; a field rather than derived so that map queries can filter on it. */
    private int pendingCount;
    private final ArrayList<LiveSave> saves = new ArrayList<>();

    LiveParticipation(int storedVersion) {
        this.storedVersion = storedVersion;
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
        lastSaveMillis = nowMillis;
        pendingCount++;
        return save;
    }

    int lastVersion() {
        return saves.isEmpty() ? storedVersion : Math.max(storedVersion, saves.get(saves.size() - 1).version());
    }

    Optional<LiveSave> latest() {
        return saves.isEmpty() ? Optional.empty() : Optional.of(saves.get(saves.size() - 1));
    }

    List<LiveSave> pending() {
        return saves.stream().filter(save -> save.version() > storedVersion).toList();
    }

    int pendingCount() {
        return pendingCount;
    }

    /**
     * Notes that the saves up to {@code version} are in the database: their content is dropped (the database
     * answers reads of it), except the newest save's, which reads of the latest answer take from here.
     */
    void stored(int version) {
        storedVersion = Math.max(storedVersion, version);
        for (int i = 0; i < saves.size() - 1; i++) {
            LiveSave save = saves.get(i);
            if (save.version() <= storedVersion && save.text() != null) {
                saves.set(i, save.withoutContent());
            }
        }
        pendingCount = (int) saves.stream().filter(save -> save.version() > storedVersion).count();
    }

    boolean idleBefore(long cutoffMillis) {
        return pendingCount == 0 && lastSaveMillis < cutoffMillis;
    }

    /**
     * Joins what two sides of a split cluster kept: every save of either side survives. The side with the higher
     * version keeps its numbering; saves only the other side has (by idempotency key) follow it as new versions, in
     * the order they were made. A renumbered save keeps its id, key, time and content.
     */
    static LiveParticipation merge(LiveParticipation a, LiveParticipation b) {
        LiveParticipation winner = a.lastVersion() >= b.lastVersion() ? a : b;
        LiveParticipation other = winner == a ? b : a;
        LiveParticipation merged = new LiveParticipation(winner.storedVersion);
        merged.saves.addAll(winner.saves);
        merged.lastSaveMillis = Math.max(a.lastSaveMillis, b.lastSaveMillis);
        other.saves.stream()
                .filter(save -> merged.withKey(save.idempotencyKey()).isEmpty())
                .sorted(Comparator.comparing(LiveSave::savedAt))
                .forEach(save -> merged.saves.add(save.withVersion(merged.lastVersion() + 1)));
        merged.pendingCount = (int) merged.saves.stream().filter(s -> s.version() > merged.storedVersion).count();
        return merged;
    }
}
