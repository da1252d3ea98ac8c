package org.lectern.node.quiz;

import java.time.Instant;

/** The answer to a save: the version written (or, for a replay, the version the first attempt wrote). */
public record SavedAnswers(long submissionId, int version, Instant savedAt, boolean replayed) {
}
