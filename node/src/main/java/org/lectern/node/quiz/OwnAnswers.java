package org.lectern.node.quiz;

import java.time.Instant;
import java.util.List;

/** A student's latest saved answers: which version, when the server stored it, and what it holds. */
public record OwnAnswers(Long submissionId, int version, Instant savedAt, List<QuizAnswer> answers) {

    static final OwnAnswers NONE = new OwnAnswers(null, 0, null, List.of());
}
