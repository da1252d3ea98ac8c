package org.lectern.node.quiz;

import java.time.Duration;
import java.time.Instant;
import org.lectern.node.exercise.Exercise;

/** Where a live quiz stands at a moment; computed from its start, duration and evaluation marker, never stored. */
public enum QuizState {
    NOT_STARTED,
    RUNNING,
    /** The countdown reached zero, but saves already on their way are still accepted. */
    GRACE,
    ENDED,
    EVALUATED;

    /** How long after a quiz's end answers are still accepted, for saves sent just before the countdown hit zero. */
    public static final Duration GRACE_PERIOD = Duration.ofSeconds(5);

    static QuizState of(Exercise quiz, Instant now) {
        Integer duration = quiz.getQuizDurationSeconds();
        return of(quiz.getQuizStartedAt(), duration == null ? 0 : duration, quiz.getQuizEvaluatedAt(), now);
    }

    /** The same from the parts, for a quiz known from a record rather than the database. */
    static QuizState of(Instant startedAt, int durationSeconds, Instant evaluatedAt, Instant now) {
        if (evaluatedAt != null) {
            return EVALUATED;
        }
        if (startedAt == null) {
            return NOT_STARTED;
        }
        Instant endsAt = startedAt.plusSeconds(durationSeconds);
        if (now.isBefore(endsAt)) {
            return RUNNING;
        }
        return now.isBefore(endsAt.plus(GRACE_PERIOD)) ? GRACE : ENDED;
    }

    /** When the countdown of a started quiz reaches zero, or null if it has not started. */
    static Instant endOf(Exercise quiz) {
        return quiz.getQuizStartedAt() == null ? null
                : quiz.getQuizStartedAt().plusSeconds(quiz.getQuizDurationSeconds());
    }

    boolean acceptsAnswers() {
        return this == RUNNING || this == GRACE;
    }
}
