package org.lectern.node.quiz;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A started quiz as the database last told it, for answers saved while it is unreachable ({@link LiveQuizRecords}).
 * A started quiz's questions can no longer change; its duration only by ending it early.
 */
record LiveQuizRecord(long quizId, long courseId, Instant startedAt, int durationSeconds,
        List<AnswerableQuestion> questions) implements Serializable {

    LiveQuizRecord {
        questions = List.copyOf(questions);
    }

    QuizState stateAt(Instant now) {
        return QuizState.of(startedAt, durationSeconds, null, now);
    }
}
