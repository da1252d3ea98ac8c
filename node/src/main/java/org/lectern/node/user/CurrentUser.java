package org.lectern.node.user;

/** The user a request comes from, as controllers receive it (see {@link CurrentUserArgumentResolver}). */
public record CurrentUser(long id, String login, boolean admin) {

    static CurrentUser of(UserSummary summary) {
        return new CurrentUser(summary.id(), summary.login(), summary.admin());
    }
}
