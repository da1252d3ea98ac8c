package org.lectern.node.exercise;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.lectern.node.cluster.LiveSave;
import org.lectern.node.cluster.LiveSaveOutcome;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.exercise.SubmissionAck;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves submissions: each save a new version with the server's timestamp, and a save retried with the same
 * idempotency key answered with what the first one wrote, never written twice. Features check their own rules
 * (quiz running, working time left) before they call it.
 */
@Service
public class SubmissionService {

    /**
     * Live saves get their ids from {@link LiveSubmissionIds}, above 2^52: far above what the database's identity
     * column hands out to direct saves, and still exact in a browser's JavaScript number (below 2^53).
     */
    static final long LIVE_ID_BASE = 1L << 52;

    /** Ids per {@code in} list: far below any database's bind-parameter limit. */
    private static final int QUERY_CHUNK = 1_000;

    private final ParticipationRepository participations;
    private final SubmissionRepository submissions;
    private final LiveSubmissions liveSubmissions;
    private final LiveSubmissionFlusher flusher;
    private final LiveFlushLag flushLag;
    private final LiveSubmissionIds liveIds;
    private final UserDirectory users;
    private final LiveEvents live;
    private final Clock clock;
    private final Timer saveTimer;

    SubmissionService(ParticipationRepository participations, SubmissionRepository submissions,
            LiveSubmissions liveSubmissions, LiveSubmissionFlusher flusher, LiveFlushLag flushLag,
            LiveSubmissionIds liveIds, UserDirectory users, LiveEvents live, Clock clock, MeterRegistry meters) {
        this.participations = participations;
        this.submissions = submissions;
        this.liveSubmissions = liveSubmissions;
        this.flusher = flusher;
        this.flushLag = flushLag;
        this.liveIds = liveIds;
        this.users = users;
        this.live = live;
        this.clock = clock;
        this.saveTimer = Timer.builder("lectern.submission.save")
                .description("Time to save a submission until it is acknowledged (live: in the cluster twice)")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Saves a version of the participation's work.
     *
     * @param submitted true for a final hand-in, false for a save while working
     * @param authorId  the user who saved it (a team member, or the student)
     */
    @Transactional
    public SavedSubmission save(long participationId, SubmissionContent content, String idempotencyKey,
            boolean submitted, Long authorId) {
        IdempotencyKey.require(idempotencyKey);
        return saveTimer.record(() -> saveToDatabase(participationId, content, idempotencyKey, submitted, authorId));
    }

    /**
     * Saves a version during a live quiz or an exam: acknowledged once two cluster members hold it, written to the
     * database soon after by {@link LiveSubmissionFlusher}. Needs the database only for the first save of a
     * participation the cluster does not know (yet, or any more); versions, the server's time and replays are as for
     * {@link #save}. The answer's submission id is the row's id once it is in the database. Refused (503, nothing
     * done) while this node's saves reach the database later than {@code max-flush-lag}.
     */
    public SavedSubmission saveLive(Participation participation, SubmissionContent content, String idempotencyKey,
            boolean submitted, CurrentUser author) {
        return saveLive(participation.getId(), participation.getExerciseId(), content, idempotencyKey, submitted,
                author);
    }

    /**
     * {@link #saveLive(Participation, SubmissionContent, String, boolean, CurrentUser)} by the participation's and
     * its exercise's ids, as a save during a database outage knows them (from the cluster's records).
     */
    public SavedSubmission saveLive(long participationId, long exerciseId, SubmissionContent content,
            String idempotencyKey, boolean submitted, CurrentUser author) {
        IdempotencyKey.require(idempotencyKey);
        flushLag.admitSave();
        return saveTimer.record(() -> {
            // The database keeps microseconds: the answer shows the time as every later read will.
            LiveSave draft = new LiveSave(liveIds.next(), participationId, 0, idempotencyKey,
                    clock.instant().truncatedTo(ChronoUnit.MICROS), submitted, author.id(), content.text(),
                    content.filePath(), content.fileName(), content.fileSizeBytes());
            LiveSaveOutcome outcome = liveSubmissions.append(draft, OptionalInt.empty());
            if (outcome.needsDatabase()) {
                Optional<Submission> replay = submissions.findByParticipationIdAndIdempotencyKey(participationId,
                        idempotencyKey);
                if (replay.isPresent()) {
                    return SavedSubmission.of(replay.get(), true);
                }
                outcome = liveSubmissions.append(draft, OptionalInt.of(submissions.latestVersion(participationId)));
            }
            Submission saved = Submission.of(outcome.save());
            if (!outcome.replayed()) {
                // The author's login from the request, not the database: an acknowledgement needs no database.
                acknowledge(exerciseId, participationId, saved, author.login());
            }
            return SavedSubmission.of(saved, outcome.replayed());
        });
    }

    private SavedSubmission saveToDatabase(long participationId, SubmissionContent content, String idempotencyKey,
            boolean submitted, Long authorId) {
        // Saves to one participation queue here, on any node, so versions are gap-free and a replay is seen.
        Participation participation = participations.lockById(participationId)
                .orElseThrow(() -> new NotFoundException("participation", participationId));
        Optional<Submission> replay = submissions.findByParticipationIdAndIdempotencyKey(participationId, idempotencyKey);
        if (replay.isPresent()) {
            return SavedSubmission.of(replay.get(), true);
        }
        int version = submissions.latestVersion(participationId) + 1;
        Submission saved = submissions.save(new Submission(participationId, version, content, submitted,
                clock.instant(), idempotencyKey, authorId));
        acknowledge(participation, saved);
        return SavedSubmission.of(saved, false);
    }

    /** Tells the author, once the save is committed, on their one personal submissions destination. */
    private void acknowledge(Participation participation, Submission saved) {
        if (saved.getAuthorId() == null) {
            return;
        }
        users.find(saved.getAuthorId()).ifPresent(author -> acknowledge(participation.getExerciseId(),
                participation.getId(), saved, author.login()));
    }

    private void acknowledge(long exerciseId, long participationId, Submission saved, String authorLogin) {
        live.publishToUserAfterCommit(authorLogin, TopicRegistry.SUBMISSIONS, new SubmissionAck(
                exerciseId, participationId, saved.getId(), saved.getVersion(),
                saved.getSubmittedAt(), saved.getIdempotencyKey()));
    }

    /**
     * The newest version, also while it is only in the cluster (live saves not yet in the database). Opens no
     * transaction of its own, so a participation the cluster holds is answered while the database is away.
     */
    public Optional<Submission> latest(long participationId) {
        Optional<LiveSave> pending = liveSubmissions.latest(participationId);
        if (pending.isPresent()) {
            return pending.map(Submission::of);
        }
        return submissions.findFirstByParticipationIdOrderByVersionDesc(participationId);
    }

    /**
     * The newest version of each participation, with every live save written to the database first (in the
     * caller's transaction), for work that records which submission it used; participations without any are
     * absent. Set-based (one cluster round trip, one insert batch, one query per thousand participations), so a
     * whole lecture hall's quiz is read in well under a second.
     */
    @Transactional
    public Map<Long, Submission> latestStored(Collection<Long> participationIds) {
        flusher.storeNow(participationIds);
        Map<Long, Submission> latest = new HashMap<>();
        putLatestStored(participationIds, latest);
        return latest;
    }

    /**
     * {@link #latest(long)} of many participations: one cluster round trip for the saves not yet in the database,
     * one query per thousand participations for the rest, and no flush. Live quiz statistics read a whole lecture
     * hall's answers every second on every node; one read per participation overloaded the cluster.
     */
    public Map<Long, Submission> latestOf(Collection<Long> participationIds) {
        Map<Long, Submission> latest = new HashMap<>();
        liveSubmissions.pending(participationIds).forEach((participationId, saves) -> saves.stream()
                .max(Comparator.comparingInt(LiveSave::version))
                .ifPresent(save -> latest.put(participationId, Submission.of(save))));
        putLatestStored(participationIds.stream().filter(id -> !latest.containsKey(id)).toList(), latest);
        return latest;
    }

    private void putLatestStored(Collection<Long> participationIds, Map<Long, Submission> latest) {
        List<Long> all = List.copyOf(participationIds);
        for (int from = 0; from < all.size(); from += QUERY_CHUNK) {
            submissions.findLatestOf(all.subList(from, Math.min(all.size(), from + QUERY_CHUNK)))
                    .forEach(submission -> latest.put(submission.getParticipationId(), submission));
        }
    }

    /**
     * A submission by id for a caller allowed to read it ({@code mayRead} decides on its participation); anyone else
     * gets the same 404 as for an id that does not exist, so ids cannot be probed. Nothing costly happens before the
     * caller's right is known: the database row is found by its key; a live save not yet in the database is looked
     * for among the caller's own participations by key, and by a scan of the live map only for {@code staff} (who
     * read others' work, and are few); it is written to the database only once the caller may read it.
     */
    @Transactional
    public Submission readable(long submissionId, CurrentUser caller, BooleanSupplier staff,
            Predicate<Participation> mayRead) {
        Optional<Submission> stored = submissions.findById(submissionId);
        if (stored.isPresent()) {
            if (participations.findById(stored.get().getParticipationId()).filter(mayRead).isEmpty()) {
                throw unknownSubmission(submissionId);
            }
            return stored.get();
        }
        if (submissionId < LIVE_ID_BASE) {
            throw unknownSubmission(submissionId);
        }
        Optional<Long> holder = staff.getAsBoolean()
                ? liveSubmissions.participationOf(submissionId)
                : liveSubmissions.pending(participations.idsOf(caller.id())).entrySet().stream()
                        .filter(pending -> pending.getValue().stream().anyMatch(save -> save.id() == submissionId))
                        .map(Map.Entry::getKey)
                        .findFirst();
        Participation participation = holder.flatMap(participations::findById).filter(mayRead)
                .orElseThrow(() -> unknownSubmission(submissionId));
        flusher.storeNow(participation.getId());
        return submissions.findById(submissionId).orElseThrow(() -> unknownSubmission(submissionId));
    }

    private static NotFoundException unknownSubmission(long submissionId) {
        return new NotFoundException("submission", submissionId);
    }

    /** Whether anyone has saved work for the exercise (test runs included). */
    @Transactional(readOnly = true)
    public boolean existForExercise(long exerciseId) {
        return submissions.existsForExercise(exerciseId);
    }

    /** The save made earlier with this idempotency key, if any, as a replay; never writes. */
    @Transactional(readOnly = true)
    public Optional<SavedSubmission> replayOf(long participationId, String idempotencyKey) {
        return submissions.findByParticipationIdAndIdempotencyKey(participationId, idempotencyKey)
                .map(submission -> SavedSubmission.of(submission, true));
    }

    @Transactional(readOnly = true)
    public long versionCount(long participationId) {
        return submissions.countByParticipationId(participationId);
    }
}
