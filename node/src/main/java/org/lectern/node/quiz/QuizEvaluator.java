package org.lectern.node.quiz;

import java.math.BigDecimal;
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
import org.lectern.node.scheduling.ScheduledTaskHandler;
import org.lectern.node.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates a live quiz once its duration and grace period have passed: the {@code quiz.end} task that
 * {@link QuizService#start} schedules, run once across the cluster by the scheduler owner. Results, notifications
 * and the task's claim commit together; live messages go out after the commit. The evaluation marker on the quiz
 * is claimed too, so even a quiz scheduled twice is scored once (the results table also holds one automatic
 * result per participation).
 */
@Component
public class QuizEvaluator implements ScheduledTaskHandler {

    /** The task kind; its subject is the quiz id. */
    public static final String QUIZ_END = "quiz.end";

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

    QuizEvaluator(ExerciseCatalog exercises, QuizQuestionRepository questions, ParticipationService participations,
            SubmissionService submissions, ResultService results, NotificationService notifications,
            UserDirectory users, QuizAnswerCodec codec, QuizLiveEvents live) {
        this.live = live;
        this.exercises = exercises;
        this.questions = questions;
        this.participations = participations;
        this.submissions = submissions;
        this.results = results;
        this.notifications = notifications;
        this.users = users;
        this.codec = codec;
    }

    @Override
    public String kind() {
        return QUIZ_END;
    }

    /** Runs in the scheduler's transaction, which holds the task's claim. */
    @Override
    public void run(String subject) {
        Exercise quiz = exercises.get(Long.parseLong(subject));
        List<Notice> notices = evaluate(quiz);
        if (notices == null) {
            LOG.info("Quiz {} was evaluated already", quiz.getId());
            return;
        }
        live.evaluated(quiz.getCourseId(), quiz.getId());
        notices.forEach(notice -> send(quiz, notice));
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

    /** Stored with the results; the push reaches the student after the commit, so no one hears of a rolled-back result. */
    private void send(Exercise quiz, Notice notice) {
        users.find(notice.studentId()).ifPresent(student -> {
            notifications.notify(student.login(), "Quiz result", notice.text());
            live.result(student.login(), quiz.getId(), notice.score(), quiz.getMaxPoints());
        });
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }

    private record Notice(long studentId, BigDecimal score, String text) {
    }
}
