package org.lectern.node.user;

/** What other features and the API may know of a user. */
public record UserSummary(long id, String login, String name, boolean admin) {

    static UserSummary of(UserAccount account) {
        return new UserSummary(account.getId(), account.getLogin(), account.getName(), account.isAdmin());
    }
}
