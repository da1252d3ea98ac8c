package org.lectern.node.team;

import java.time.Instant;
import java.util.List;

/** A team as the API shows it: its members by login and name, and the tutor who owns it. */
record TeamView(long id, long exerciseId, String name, String owner, List<Member> members, Instant createdAt) {

    record Member(String login, String name) {
    }
}
