package org.lectern.shared.quiz;

/** A live quiz of the course was evaluated: results and solutions can be read; on the course's student topic. */
public record QuizEnded(String type, long quizId) {

    public static final String TYPE = "QUIZ_ENDED";

    public QuizEnded(long quizId) {
        this(TYPE, quizId);
    }
}
