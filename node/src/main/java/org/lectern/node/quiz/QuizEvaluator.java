package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.node.assessment.FeedbackItem;
import org.lectern.node.assessment.ResultService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.Submission;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every quiz once its duration and grace period have passed, exactly once across the cluster: each
 * node looks every second, the one that claims the quiz scores it, and claim and results commit together. A node
 * that fails half-way rolls its claim back, so another node (or the next round) evaluates the quiz instead; a
 * second evaluation could not record anyway, as the results table holds one automatic result per participation.
 */
@Component
public class QuizEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(QuizEvaluator.class);

    private final ExerciseCatalog exercises;
    private final QuizQuestionRepository questions;
    private final ParticipationService participations;
    private final SubmissionService submissions;
    private final ResultService results;
    private final NotificationService notifications;
    private final QuizLiveEvents live;
    private final UserDirectory users;
    private final QuizAnswerCodec codec;
    private final TransactionTemplate transaction;
    private final Clock clock;

    QuizEvaluator(ExerciseCatalog exercises, QuizQuestionRepository questions, ParticipationService participations,
            SubmissionService submissions, ResultService results, NotificationService notifications,
            UserDirectory users, QuizAnswerCodec codec, PlatformTransactionManager transactionManager, Clock clock,
            QuizLiveEvents live) {
        this.live = live;
        this.exercises = exercises;
        this.questions = questions;
        this.participations = participations;
        this.submissions = submissions;
        this.results = results;
        this.notifications = notifications;
        this.users = users;
        this.codec = codec;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1000)
    void evaluateDueQuizzes() {
        evaluateDueQuizzes(clock.instant());
    }

    /**
     * Evaluates the quizzes that are due at {@code now} and that no one else evaluates.
     *
     * @return the ids of the quizzes this call evaluated
     */
    public List<Long> evaluateDueQuizzes(Instant now) {
        List<Long> evaluated = new ArrayList<>();
        for (Exercise quiz : exercises.quizzesDueForEvaluation(now, QuizState.GRACE_PERIOD)) {
            try {
                List<Notice> notices = transaction.execute(status -> evaluate(quiz));
                if (notices != null) {
                    evaluated.add(quiz.getId());
                    live.evaluated(quiz.getCourseId(), quiz.getId());
                    notices.forEach(notice -> send(quiz, notice));
                }
            } catch (ConcurrencyFailureException evaluatedElsewhere) {
                // Another node held the claim longer than the database waits for a lock; it evaluates the quiz.
                LOG.debug("Quiz {} is being evaluated elsewhere", quiz.getId(), evaluatedElsewhere);
            } catch (RuntimeException e) {
                LOG.error("Evaluating quiz {} failed; it stays due and is tried again", quiz.getId(), e);
            }
        }
        return evaluated;
    }

    /** Scores every participation of the quiz; null if someone else claimed it first. */
    private List<Notice> evaluate(Exercise quiz) {
        if (!exercises.claimQuizEvaluation(quiz.getId())) {
            return null;
        }
        List<QuizQuestion> quizQuestions = questions.findByExerciseIdOrderByPositionAsc(quiz.getId());
        List<Notice> notices = new ArrayList<>();
        for (Participation participation : participations.ofExercise(quiz.getId())) {
            // Stored first: the result refers to the submission it scored, which must be a row by then.
            Optional<Submission> latest = submissions.latestStored(participation.getId());
            List<QuizAnswer> answers = latest.map(s -> codec.read(s.getContent().text())).orElse(List.of());
            List<FeedbackItem> feedback = new ArrayList<>();
            BigDecimal score = BigDecimal.ZERO;
            for (QuizQuestion question : quizQuestions) {
                QuestionRule rule = question.toRule();
                QuizAnswer answer = QuizScoring.answerTo(rule, answers);
                BigDecimal points = QuizScoring.points(rule, answer);
                score = score.add(points);
                feedback.add(new FeedbackItem("question:" + question.getId(), feedbackText(rule, answer), points));
            }
            results.recordAutomatic(participation.getId(), latest.map(Submission::getId).orElse(null), score,
                    quiz.getMaxPoints(), feedback);
            if (participation.getStudentId() != null) {
                notices.add(new Notice(participation.getStudentId(), score, "You scored " + plain(score) + " of "
                        + plain(quiz.getMaxPoints()) + " in " + quiz.getTitle()));
            }
        }
        LOG.info("Quiz {} evaluated: {} participations", quiz.getId(), notices.size());
        return notices;
    }

    private static String feedbackText(QuestionRule rule, QuizAnswer answer) {
        if (!QuizScoring.isAnswered(rule, answer)) {
            return "Not answered";
        }
        return QuizScoring.isCorrect(rule, answer) ? "Correct" : "Incorrect";
    }

    /** Sent after the commit, so no one hears of a result that was rolled back; a failed notice loses no result. */
    private void send(Exercise quiz, Notice notice) {
        try {
            Optional<UserSummary> student = users.find(notice.studentId());
            student.ifPresent(s -> {
                notifications.notify(s.login(), "Quiz result", notice.text());
                live.result(s.login(), quiz.getId(), notice.score(), quiz.getMaxPoints());
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not notify student {} of their quiz result", notice.studentId(), e);
        }
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }

    private record Notice(long studentId, BigDecimal score, String text) {
    }
}
