package org.lectern.shared.team;

import java.time.Instant;

/**
 * A team member saved the team's exercise, on {@code /topic/teams/{teamId}}, so the teammates see the new version
 * live. {@code content} is the saved text (or model); {@code null} for a file upload.
 */
public record TeamEdit(String type, long teamId, long exerciseId, String author, int version, Instant savedAt,
        String content) {

    public static final String TYPE = "TEAM_EDIT";

    public TeamEdit(long teamId, long exerciseId, String author, int version, Instant savedAt, String content) {
        this(TYPE, teamId, exerciseId, author, version, savedAt, content);
    }
}
