package org.lectern.node.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lectern.node.cluster.LastKnownRecords;
import org.lectern.node.web.DatabaseReachability;
import org.springframework.stereotype.Component;

/**
 * Who a login token belongs to, for every request and subscription: read from the database and remembered in the
 * cluster; while the database is unreachable, answered from what any node remembered, so a student keeps saving
 * through an outage. A login the cluster never saw fails as the database did (503). A caller without the
 * administrator role is also kept on this node for ten minutes; an administrator is read on every request, so a
 * demoted one is refused at once (roles change in the database only, with nothing to tell the nodes).
 */
@Component
public class KnownCallers {

    /**
     * How long this node answers a caller from its last read. Every request and subscription needs its caller, and
     * the read was the most frequent query of an exam (a third of the database's transactions in a surge). A student
     * sends two or three requests a minute, so a minute saved only half of the reads. A student account the
     * database no longer has (there is no path to delete one; a restore from a backup) is refused at most this long
     * after it went; a student made administrator gets the role at most this late.
     */
    static final Duration READ_AGAIN_AFTER = Duration.ofMinutes(10);

    /** Far above a node's callers in an exam (a few thousand); bounds the memory if many more come. */
    private static final long MOST_CALLERS_KEPT = 100_000;

    private final UserDirectory directory;
    private final LastKnownRecords records;
    private final DatabaseReachability database;
    private final Cache<String, CurrentUser> recentlyRead;

    KnownCallers(UserDirectory directory, LastKnownRecords records, DatabaseReachability database, Clock clock) {
        this.directory = directory;
        this.records = records;
        this.database = database;
        this.recentlyRead = Caffeine.newBuilder()
                .maximumSize(MOST_CALLERS_KEPT)
                .expireAfterWrite(READ_AGAIN_AFTER)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** The caller's account; empty for a login that no longer exists (known from the database only). */
    public Optional<CurrentUser> find(String login) {
        CurrentUser known = recentlyRead.getIfPresent(login);
        if (known != null) {
            return Optional.of(known);
        }
        return database.fromDatabaseOr(() -> {
            Optional<UserSummary> found = directory.find(login);
            found.ifPresentOrElse(user -> records.remember(LastKnownRecords.USERS, login, LastSeenUser.of(user)),
                    () -> records.remove(LastKnownRecords.USERS, login));
            Optional<CurrentUser> caller = found.map(CurrentUser::of);
            caller.filter(user -> !user.admin()).ifPresent(user -> recentlyRead.put(login, user));
            return caller;
        }, unreachable -> Optional.of(records.get(LastKnownRecords.USERS, login, LastSeenUser.class)
                .map(LastSeenUser::toCurrentUser)
                .orElseThrow(() -> unreachable)));
    }
}
