package org.lectern.node.user;

import java.io.Serializable;

/** What a save needs to know of its caller when the database cannot tell: kept in the cluster by {@link KnownCallers}. */
record LastSeenUser(long id, String login, boolean admin) implements Serializable {

    static LastSeenUser of(UserSummary user) {
        return new LastSeenUser(user.id(), user.login(), user.admin());
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, login, admin);
    }
}
