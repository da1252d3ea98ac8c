package org.lectern.node.exercise;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.lectern.node.cluster.ClusterMinorityException;
import org.lectern.node.cluster.LiveSave;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.transaction.AfterTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes live submissions to the database: every node writes the pending saves of the participations it owns,
 * then marks them stored in the map. A row whose idempotency key is in the database already is skipped, so a
 * flush repeated after a crash or a partition migration writes nothing twice. While the database is away the saves
 * stay in the map and go in on a later round. Stops (flushing everything) after the web server and before the
 * Hazelcast member. Runs on a thread of its own: a round that waits for the database holds up nothing else (the
 * node's status record and the scheduler have their own threads).
 */
@Component
public class LiveSubmissionFlusher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubmissionFlusher.class);
    private static final Duration FORGET_EVERY = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private static final String INSERT = """
            insert into submissions (id, participation_id, version, content, file_path, file_name, file_size_bytes,
                submitted, submitted_at, idempotency_key, author_id)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            where not exists (select 1 from submissions where participation_id = ? and idempotency_key = ?)""";

    private final LiveSubmissions live;
    private final LiveSubmissionIds ids;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LiveSubmissionProperties properties;
    private final Clock clock;
    private volatile boolean running;
    private volatile ScheduledExecutorService executor;
    private Instant lastForget = Instant.EPOCH;
    private boolean databaseWasDown;
    private boolean cutOff;

    LiveSubmissionFlusher(LiveSubmissions live, LiveSubmissionIds ids, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, LiveSubmissionProperties properties, Clock clock) {
        this.live = live;
        this.ids = ids;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    private void flushPeriodically() {
        if (!running) {
            return;
        }
        try {
            flushOnce();
            ids.topUp();
            Instant now = clock.instant();
            if (Duration.between(lastForget, now).compareTo(FORGET_EVERY) >= 0) {
                lastForget = now;
                live.forgetIdle(properties.retention());
            }
        } catch (RuntimeException e) {
            // The next round tries again: a cluster hiccup (a partition migrating) must not end the flushing.
            LOG.warn("A flush round failed: {}", e.toString());
        }
    }

    /**
     * Writes every live save this node owns to the database and waits until this member's partitions have their
     * backups in sync, for draining and shutdown.
     *
     * @return true if both happened within {@code timeout}
     */
    public boolean flushLocal(Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        boolean flushed = false;
        while (!flushed && clock.instant().isBefore(deadline) && !Thread.currentThread().isInterrupted()) {
            flushOnce();
            flushed = live.localPending().isEmpty();
            if (!flushed) {
                LockSupport.parkNanos(RETRY_PAUSE.toNanos());
            }
        }
        Duration left = Duration.between(clock.instant(), deadline);
        return flushed && !left.isNegative() && live.awaitLocalMemberSafe(left);
    }

    /**
     * Writes the participation's pending live saves in the caller's transaction (its own if there is none), from
     * any node, and marks them stored once that commits; for work that must see every save in the database (quiz
     * evaluation refers to the submission it scored).
     */
    public void storeNow(long participationId) {
        storeNow(List.of(participationId));
    }

    /** {@link #storeNow(long)} for many participations: one cluster round trip and one batch of inserts. */
    public void storeNow(Collection<Long> participationIds) {
        Map<Long, List<LiveSave>> pending = live.pending(participationIds);
        if (pending.isEmpty()) {
            return;
        }
        List<LiveSave> saves = pending.values().stream().flatMap(List::stream).toList();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            insert(saves);
            AfterTransaction.afterCommit(() -> live.markStored(pending));
        } else {
            transaction.executeWithoutResult(status -> insert(saves));
            live.markStored(pending);
        }
    }

    /** One round: answers how many saves went to the database. */
    synchronized int flushOnce() {
        Map<Long, List<LiveSave>> pending = live.localPending();
        if (pending.isEmpty()) {
            return 0;
        }
        try {
            transaction.executeWithoutResult(status -> pending.values().forEach(this::insert));
        } catch (DataAccessException | TransactionException allAtOnce) {
            if (databaseAway(allAtOnce)) {
                return 0;
            }
            // One participation's rows were refused: write the others each on its own.
            return flushEach(pending);
        }
        databaseIsBack();
        return marked(pending) ? pending.values().stream().mapToInt(List::size).sum() : 0;
    }

    /**
     * Marks the written saves stored; false if this member is cut off from most of the cluster and may not. The
     * rows are in the database then, and writing them again on a later round skips them.
     */
    private boolean marked(Map<Long, List<LiveSave>> written) {
        try {
            live.markStored(written);
            if (cutOff) {
                cutOff = false;
                LOG.info("Written live saves are marked stored again");
            }
            return true;
        } catch (ClusterMinorityException minority) {
            if (!cutOff) {
                cutOff = true;
                LOG.warn("Live saves are written but cannot be marked stored while this node is cut off from most "
                        + "of the cluster; they are written again (and skipped) until it is whole: {}",
                        minority.getMessage());
            }
            return false;
        }
    }

    private int flushEach(Map<Long, List<LiveSave>> pending) {
        int written = 0;
        for (Map.Entry<Long, List<LiveSave>> participation : pending.entrySet()) {
            try {
                try {
                    transaction.executeWithoutResult(status -> insert(participation.getValue()));
                } catch (DuplicateKeyException versionTaken) {
                    // Written on the next round, under the versions the rebase gives.
                    rebase(participation.getKey());
                    continue;
                }
                if (marked(Map.of(participation.getKey(), participation.getValue()))) {
                    written += participation.getValue().size();
                }
            } catch (DataAccessException | TransactionException e) {
                if (databaseAway(e)) {
                    return written;
                }
                LOG.error("Live saves of participation {} were refused by the database; they stay in the cluster "
                        + "and are tried again", participation.getKey(), e);
            }
        }
        return written;
    }

    /** Whether the failure says the database cannot be reached (then the round ends; the saves wait). */
    private boolean databaseAway(RuntimeException failure) {
        boolean away = failure instanceof TransactionException
                || failure instanceof DataAccessResourceFailureException;
        if (away && !databaseWasDown) {
            databaseWasDown = true;
            LOG.warn("The database is away; live saves stay in the cluster until it returns: {}", failure.toString());
        }
        return away;
    }

    private void databaseIsBack() {
        if (databaseWasDown) {
            databaseWasDown = false;
            LOG.info("Live saves reach the database again");
        }
    }

    private void insert(List<LiveSave> saves) {
        jdbc.batchUpdate(INSERT, saves, saves.size(), (statement, save) -> {
            statement.setLong(1, save.id());
            statement.setLong(2, save.participationId());
            statement.setInt(3, save.version());
            statement.setString(4, save.text());
            statement.setString(5, save.filePath());
            statement.setString(6, save.fileName());
            statement.setObject(7, save.fileSizeBytes(), Types.BIGINT);
            statement.setBoolean(8, save.submitted());
            statement.setObject(9, OffsetDateTime.ofInstant(save.savedAt(), ZoneOffset.UTC));
            statement.setString(10, save.idempotencyKey());
            statement.setObject(11, save.authorId(), Types.BIGINT);
            statement.setLong(12, save.participationId());
            statement.setString(13, save.idempotencyKey());
        });
    }

    /**
     * The database holds one of the participation's pending versions under another save: the halves of a split
     * each numbered their saves from the same version, and one half's are in already. The cluster's copy takes the
     * database's versions, and its other saves follow them on the next round.
     */
    private void rebase(long participationId) {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.query("select idempotency_key, version from submissions where participation_id = ?",
                row -> {
                    versions.put(row.getString(1), row.getInt(2));
                }, participationId);
        LOG.info("Live saves of participation {} collided with versions in the database (after a split); they "
                + "follow the database's {} rows now", participationId, versions.size());
        try {
            live.rebase(participationId, versions);
        } catch (ClusterMinorityException minority) {
            LOG.warn("Cannot align participation {} while this node is cut off from most of the cluster: {}",
                    participationId, minority.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "lectern-flusher");
            t.setDaemon(true);
            return t;
        });
        executor = thread;
        running = true;
        long interval = properties.flushInterval().toMillis();
        thread.scheduleWithFixedDelay(this::flushPeriodically, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Flushes before the member leaves; Spring stops lifecycles before it destroys the Hazelcast instance. */
    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService thread = executor;
        executor = null;
        if (thread != null) {
            // A round under way finishes (flushOnce is synchronized); the last flush below follows it.
            thread.shutdown();
        }
        try {
            if (!flushLocal(properties.shutdownFlushTimeout())) {
                LOG.warn("Not every live save this node owns reached the database within {}; Hazelcast's graceful "
                        + "shutdown hands them to another member", properties.shutdownFlushTimeout());
            }
        } catch (IllegalStateException memberGone) {
            // The member was terminated first (a crash, or a test): its backups on other members flush its saves.
            LOG.warn("The Hazelcast member stopped before the live saves were flushed: {}", memberGone.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server's graceful shutdown and its stop, so no save arrives after the last flush. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
