package org.lectern.node.exercise;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What the student work endpoints answer. */
final class StudentWork {

    private StudentWork() {
    }

    /** A student's (or their team's) participation, with the latest saved version if there is one. */
    record ParticipationView(long participationId, long exerciseId, Long teamId, Instant initializedAt,
            SubmissionView latestSubmission) {
    }

    /**
     * One saved version: {@code text} for a text exercise, {@code model} (the JSON document) for a modeling
     * exercise, {@code file} for a file upload.
     */
    record SubmissionView(long submissionId, int version, Instant savedAt, String text, JsonNode model,
            FileView file) {
    }

    /** An uploaded file and where to download it. */
    record FileView(String name, long sizeBytes, String url) {
    }

    /** The answer to a save: the version it created (or, for a replay, the one the first request created). */
    record SaveResult(long submissionId, int version, Instant savedAt, boolean replayed) {

        static SaveResult of(SavedSubmission saved) {
            return new SaveResult(saved.submissionId(), saved.version(), saved.savedAt(), saved.replayed());
        }
    }

    /** A stored file to send to the client as a download. */
    record Download(java.nio.file.Path path, String name, long sizeBytes) {
    }
}
