package org.lectern.shared.quiz;

import java.time.Instant;

/**
 * A live quiz of the course has started, on {@code /topic/courses/{courseId}/students}. {@code type} tells it from
 * the other events of that topic.
 */
public record QuizStarted(String type, long quizId, String title, Instant startedAt, Instant endsAt) {

    public static final String TYPE = "QUIZ_STARTED";

    public QuizStarted(long quizId, String title, Instant startedAt, Instant endsAt) {
        this(TYPE, quizId, title, startedAt, endsAt);
    }
}
