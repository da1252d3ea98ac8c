package org.lectern.node.messaging;

import java.util.Set;

/**
 * These users lost access to something they may be following live (a course, a team, an exam). Published in the
 * transaction that took it away; once that commits, every node checks their live subscriptions again and drops the
 * ones they may no longer have.
 */
public record AccessNarrowed(Set<String> logins, String reason) {

    public AccessNarrowed {
        logins = Set.copyOf(logins);
    }

    public static AccessNarrowed of(String login, String reason) {
        return new AccessNarrowed(Set.of(login), reason);
    }
}
