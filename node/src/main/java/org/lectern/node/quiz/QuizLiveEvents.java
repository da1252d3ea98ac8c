package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.time.Duration;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.shared.quiz.QuizEnded;
import org.lectern.shared.quiz.QuizResult;
import org.lectern.shared.quiz.QuizStarted;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.stereotype.Component;

/**
 * The live events of quizzes, each published once its change is committed: start and end to the course's students,
 * each result to its student, and the statistics to the staff after answers are saved.
 */
@Component
class QuizLiveEvents {

    /**
     * At most one statistics message per quiz and second from each node: counting reads every participant's latest
     * answers, which a class saving at once must not repeat per save; the last save is still counted (see
     * {@link LiveEvents#publishThrottled}).
     */
    static final Duration STATISTICS_INTERVAL = Duration.ofSeconds(1);

    private final QuizService quizzes;
    private final LiveEvents live;

    QuizLiveEvents(QuizService quizzes, LiveEvents live) {
        this.quizzes = quizzes;
        this.live = live;
    }

    void started(QuizView quiz) {
        live.publishAfterCommit(TopicRegistry.COURSE_STUDENTS.destination(quiz.courseId()),
                new QuizStarted(quiz.id(), quiz.title(), quiz.startedAt(), quiz.endsAt()));
    }

    /** Ended early by the instructor: students' pages reload the quiz (as after evaluation). */
    void ended(QuizView quiz) {
        live.publishAfterCommit(TopicRegistry.COURSE_STUDENTS.destination(quiz.courseId()), new QuizEnded(quiz.id()));
    }

    void answersSaved(long quizId) {
        live.publishThrottled(TopicRegistry.QUIZ_STATISTICS.destination(quizId), STATISTICS_INTERVAL,
                () -> quizzes.statistics(quizId));
    }

    void evaluated(long courseId, long quizId) {
        live.publishAfterCommit(TopicRegistry.COURSE_STUDENTS.destination(courseId), new QuizEnded(quizId));
    }

    void result(String login, long quizId, BigDecimal score, BigDecimal maxScore) {
        live.publishToUserAfterCommit(login, TopicRegistry.RESULTS, new QuizResult(quizId, score, maxScore));
    }
}
