package org.lectern.node.exam;

import java.time.Instant;
import org.lectern.node.exercise.SavedSubmission;

/** The answer to a save: the version written (or, for a replay, the one the first request wrote). */
record SaveResult(long submissionId, int version, Instant savedAt, boolean replayed) {

    static SaveResult of(SavedSubmission saved) {
        return new SaveResult(saved.submissionId(), saved.version(), saved.savedAt(), saved.replayed());
    }
}
