package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.ReplicaCounts;
import org.springframework.stereotype.Component;

/**
 * {@link LiveSubmissions} in the {@link ClusterStructures#LIVE_SUBMISSIONS} map, one entry per participation,
 * changed only by entry processors (the CP subsystem is Enterprise-only; a processor runs on the one partition
 * thread owning the key and is replayed on the synchronous backup). Also the node's {@link StatusSources.Replicas}.
 */
@Component
class HazelcastLiveSubmissions implements LiveSubmissions, StatusSources.Replicas {

    private static final Predicate<Long, LiveParticipation> HAS_PENDING = Predicates.greaterThan("pendingCount", 0);

    private final HazelcastInstance hazelcast;
    private final IMap<Long, LiveParticipation> live;
    private final Clock clock;

    HazelcastLiveSubmissions(HazelcastInstance hazelcast, Clock clock, MeterRegistry meters) {
        this.hazelcast = hazelcast;
        this.live = hazelcast.getMap(ClusterStructures.LIVE_SUBMISSIONS);
        this.clock = clock;
        Gauge.builder("lectern.live.submissions.owned", this, s -> s.current().ownedEntries())
                .description("Participations in the live-submissions map whose primary copy is on this node")
                .register(meters);
        Gauge.builder("lectern.live.submissions.backup", this, s -> s.current().backupEntries())
                .description("Participations in the live-submissions map this node holds as a backup")
                .register(meters);
        Gauge.builder("lectern.live.submissions.pending", this, HazelcastLiveSubmissions::localPendingCount)
                .description("Saves owned by this node that are not yet in the database")
                .register(meters);
    }

    @Override
    public LiveSaveOutcome append(LiveSave draft, OptionalInt databaseLatestVersion) {
        Integer known = databaseLatestVersion.isPresent() ? databaseLatestVersion.getAsInt() : null;
        try {
            return live.executeOnKey(draft.participationId(), new Append(draft, known, clock.millis()));
        } catch (SplitBrainProtectionException minority) {
            throw new ClusterMinorityException(minority);
        }
    }

    @Override
    public Optional<LiveSave> latest(long participationId) {
        LiveParticipation participation = live.get(participationId);
        return participation == null ? Optional.empty() : participation.latest();
    }

    @Override
    public Map<Long, List<LiveSave>> localPending() {
        Set<Long> keys = live.localKeySet(HAS_PENDING);
        Map<Long, List<LiveSave>> pending = new LinkedHashMap<>();
        live.getAll(keys).forEach((participationId, participation) -> {
            List<LiveSave> saves = participation.pending();
            if (!saves.isEmpty()) {
                pending.put(participationId, saves);
            }
        });
        return pending;
    }

    @Override
    public Optional<Long> participationOf(long submissionId) {
        return live.keySet(new HoldsSave(submissionId)).stream().findFirst();
    }

    @Override
    public List<LiveSave> pending(long participationId) {
        LiveParticipation participation = live.get(participationId);
        return participation == null ? List.of() : participation.pending();
    }

    @Override
    public Map<Long, List<LiveSave>> pending(Collection<Long> participationIds) {
        Map<Long, List<LiveSave>> pending = new HashMap<>();
        live.getAll(Set.copyOf(participationIds)).forEach((participationId, participation) -> {
            if (participation.pendingCount() > 0) {
                pending.put(participationId, participation.pending());
            }
        });
        return pending;
    }

    @Override
    public void markStored(long participationId, List<LiveSave> saves) {
        markStored(Map.of(participationId, saves));
    }

    @Override
    public void markStored(Map<Long, List<LiveSave>> saves) {
        // Submitted together and awaited once: a quiz's hundreds of participations cost one round trip, not hundreds.
        List<CompletableFuture<Void>> marks = new ArrayList<>(saves.size());
        saves.forEach((participationId, its) -> marks.add(live.submitToKey(participationId,
                new MarkStored(its.stream().map(LiveSave::id).toList())).toCompletableFuture()));
        try {
            CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof SplitBrainProtectionException minority) {
                throw new ClusterMinorityException(minority);
            }
            throw failed;
        }
    }

    @Override
    public void rebase(long participationId, Map<String, Integer> databaseVersions) {
        try {
            live.executeOnKey(participationId, new Rebase(new HashMap<>(databaseVersions)));
        } catch (SplitBrainProtectionException minority) {
            throw new ClusterMinorityException(minority);
        }
    }

    @Override
    public int forgetIdle(Duration idle) {
        long cutoff = clock.millis() - idle.toMillis();
        Set<Long> keys = live.localKeySet(Predicates.and(Predicates.equal("pendingCount", 0),
                Predicates.lessThan("lastSaveMillis", cutoff)));
        if (keys.isEmpty()) {
            return 0;
        }
        try {
            return (int) live.executeOnKeys(keys, new ForgetIfIdle(cutoff)).values().stream()
                    .filter(Boolean.TRUE::equals).count();
        } catch (SplitBrainProtectionException minority) {
            return 0; // forgotten once the cluster is whole
        }
    }

    @Override
    public long localPendingCount() {
        Set<Long> keys = live.localKeySet(HAS_PENDING);
        return live.getAll(keys).values().stream().mapToLong(LiveParticipation::pendingCount).sum();
    }

    @Override
    public Optional<Instant> oldestLocalPending() {
        Set<Long> keys = live.localKeySet(HAS_PENDING);
        return live.getAll(keys).values().stream().flatMap(participation -> participation.pending().stream())
                .map(LiveSave::savedAt).min(Comparator.naturalOrder());
    }

    @Override
    public boolean awaitLocalMemberSafe(Duration timeout) {
        return hazelcast.getPartitionService().forceLocalMemberToBeSafe(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ReplicaCounts current() {
        LocalMapStats stats = live.getLocalMapStats();
        return new ReplicaCounts(stats.getOwnedEntryCount(), stats.getBackupEntryCount(),
                hazelcast.getPartitionService().isLocalMemberSafe());
    }

    /**
     * Appends a save, or answers the one with the same key. Carries everything it decides by (the draft with its
     * id and time, the database's latest version, the time) so its backup replay ends in the same state.
     */
    record Append(LiveSave draft, Integer databaseLatestVersion, long nowMillis)
            implements EntryProcessor<Long, LiveParticipation, LiveSaveOutcome> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public LiveSaveOutcome process(Map.Entry<Long, LiveParticipation> entry) {
            LiveParticipation participation = entry.getValue();
            if (participation == null) {
                if (databaseLatestVersion == null) {
                    return LiveSaveOutcome.NEEDS_DATABASE;
                }
                participation = new LiveParticipation(databaseLatestVersion);
            }
            Optional<LiveSave> earlier = participation.withKey(draft.idempotencyKey());
            if (earlier.isPresent()) {
                return new LiveSaveOutcome(earlier.get(), true, false);
            }
            LiveSave save = participation.append(draft, nowMillis);
            entry.setValue(participation);
            return new LiveSaveOutcome(save, false, false);
        }
    }

    record MarkStored(List<Long> saveIds) implements EntryProcessor<Long, LiveParticipation, Void> {

        @Serial
        private static final long serialVersionUID = 2L;

        @Override
        public Void process(Map.Entry<Long, LiveParticipation> entry) {
            LiveParticipation participation = entry.getValue();
            if (participation != null) {
                participation.stored(saveIds);
                entry.setValue(participation);
            }
            return null;
        }
    }

    /** Carries the database's versions, so the backup's replay ends in the same state. */
    record Rebase(HashMap<String, Integer> databaseVersions)
            implements EntryProcessor<Long, LiveParticipation, Void> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Void process(Map.Entry<Long, LiveParticipation> entry) {
            LiveParticipation participation = entry.getValue();
            if (participation != null) {
                participation.rebase(databaseVersions);
                entry.setValue(participation);
            }
            return null;
        }
    }

    /** Removes the entry if it is still idle: a save may have come between the query and this. */
    record ForgetIfIdle(long cutoffMillis) implements EntryProcessor<Long, LiveParticipation, Boolean> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean process(Map.Entry<Long, LiveParticipation> entry) {
            LiveParticipation participation = entry.getValue();
            if (participation == null || !participation.idleBefore(cutoffMillis)) {
                return false;
            }
            entry.setValue(null);
            return true;
        }
    }

    /** Matches the participation that holds the save with this id. */
    record HoldsSave(long submissionId) implements Predicate<Long, LiveParticipation> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean apply(Map.Entry<Long, LiveParticipation> entry) {
            return entry.getValue().holds(submissionId);
        }
    }
}
