package org.lectern.node.user;

import java.util.Optional;
import org.lectern.node.cluster.LastKnownRecords;
import org.lectern.node.web.DatabaseReachability;
import org.springframework.stereotype.Component;

/**
 * Who a request's login token belongs to, for every request: read from the database and remembered in the
 * cluster; while the database is unreachable, answered from what any node remembered, so a student keeps saving
 * through an outage. A login the cluster never saw fails as the database did (503). Accounts are never changed
 * once created, only read, so the last read is what the database holds.
 */
@Component
public class KnownCallers {

    private final UserDirectory directory;
    private final LastKnownRecords records;
    private final DatabaseReachability database;

    KnownCallers(UserDirectory directory, LastKnownRecords records, DatabaseReachability database) {
        this.directory = directory;
        this.records = records;
        this.database = database;
    }

    /** The caller's account; empty for a login that no longer exists (known from the database only). */
    public Optional<CurrentUser> find(String login) {
        return database.fromDatabaseOr(() -> {
            Optional<UserSummary> found = directory.find(login);
            found.ifPresentOrElse(user -> records.remember(LastKnownRecords.USERS, login, LastSeenUser.of(user)),
                    () -> records.remove(LastKnownRecords.USERS, login));
            return found.map(CurrentUser::of);
        }, unreachable -> Optional.of(records.get(LastKnownRecords.USERS, login, LastSeenUser.class)
                .map(LastSeenUser::toCurrentUser)
                .orElseThrow(() -> unreachable)));
    }
}
