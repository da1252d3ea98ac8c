package org.lectern.shared.team;

import java.time.Instant;

/**
 * A team member came online or went offline, on {@code /topic/teams/{teamId}}. A member announces themselves by
 * SENDing {@code {"online": true}} (or {@code false}) to {@code /app/teams/{teamId}/presence}; the node fills in
 * the rest, and announces them offline when their connection closes.
 */
public record TeamPresence(String type, long teamId, String login, boolean online, Instant at) {

    public static final String TYPE = "TEAM_PRESENCE";

    public TeamPresence(long teamId, String login, boolean online, Instant at) {
        this(TYPE, teamId, login, online, at);
    }
}
