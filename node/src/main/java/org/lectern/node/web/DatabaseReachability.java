package org.lectern.node.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether the database answers, as far as this node has just seen: the paths that can answer from what the cluster
 * remembers (live saves during an outage, docs/architecture.md) ask the database first and fall back on an
 * unreachable one. After a failure the node stops asking for {@link #ASSUMED_DOWN_FOR}: while PostgreSQL is down,
 * every attempt waits for the pool's connection timeout (seconds), which under load would hold every request slot.
 */
@Component
public class DatabaseReachability {

    /** Short enough that the first request after the database's return finds it within a couple of seconds. */
    static final Duration ASSUMED_DOWN_FOR = Duration.ofSeconds(2);

    private final Clock clock;
    private volatile Instant lastFailure = Instant.MIN;

    public DatabaseReachability(Clock clock) {
        this.clock = clock;
    }

    /**
     * The database could not be reached at all (no connection, no transaction), as opposed to a refusal or a
     * conflict: nothing was read or written, and it is worth trying again later.
     */
    public static boolean isUnreachable(Throwable failure) {
        Throwable completing = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && (isConnectionException(sql.getSQLState())
                            || completing != null)) {
                return true;
            }
            if (cause instanceof TransactionException || cause instanceof TransactionSystemException) {
                completing = cause;
            }
        }
        return false;
    }

    /**
     * SQL state class 08, "connection exception". A JDBC failure while a transaction completes counts too: when the
     * connection broke mid-request, the rollback fails on it (the pool's "Connection is closed", without a state),
     * and that failure replaces the request's own.
     */
    private static boolean isConnectionException(String sqlState) {
        return sqlState != null && sqlState.startsWith("08");
    }

    /**
     * Answers from the database, or, when it is unreachable (now or moments ago), from {@code fromRecord}, which gets
     * the failure to throw when it does not know enough. Failures of any other kind pass through as they are.
     */
    public <T> T fromDatabaseOr(Supplier<T> fromDatabase, Function<RuntimeException, T> fromRecord) {
        if (recentlyUnreachable()) {
            return fromRecord.apply(new DataAccessResourceFailureException(
                    "The database was unreachable moments ago; not asked again yet"));
        }
        try {
            return fromDatabase.get();
        } catch (RuntimeException failure) {
            if (!isUnreachable(failure)) {
                throw failure;
            }
            lastFailure = clock.instant();
            return fromRecord.apply(failure);
        }
    }

    boolean recentlyUnreachable() {
        return clock.instant().isBefore(lastFailure.plus(ASSUMED_DOWN_FOR));
    }
}
