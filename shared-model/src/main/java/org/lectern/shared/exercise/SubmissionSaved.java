package org.lectern.shared.exercise;

import java.time.Instant;

/**
 * A student (or team) saved a new version of a course exercise, on {@code /topic/exercises/{exerciseId}/submissions}
 * for the staff. No content: a tutor who wants it reads the submission through the REST API.
 */
public record SubmissionSaved(String type, long exerciseId, long participationId, int version, Instant savedAt) {

    public static final String TYPE = "SUBMISSION_SAVED";

    public SubmissionSaved(long exerciseId, long participationId, int version, Instant savedAt) {
        this(TYPE, exerciseId, participationId, version, savedAt);
    }
}
