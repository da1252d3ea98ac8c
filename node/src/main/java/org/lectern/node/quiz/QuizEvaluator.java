package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.node.assessment.AutomaticResult;
import org.lectern.node.assessment.FeedbackItem;
import org.lectern.node.assessment.ResultService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.Submission;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.notification.PersonalNotification;
import org.lectern.node.scheduling.ScheduledTaskHandler;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StopWatch;

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
        if (!exercises.claimQuizEvaluation(quiz.getId())) {
            LOG.info("Quiz {} was evaluated already", quiz.getId());
            return;
        }
        // The phases' times go into the log line: a lecture hall waits for this, an operator should see where.
        StopWatch phases = new StopWatch("quiz " + quiz.getId());
        phases.start("participations");
        List<Participation> all = participations.ofExercise(quiz.getId());
        phases.stop();
        List<AutomaticResult> scored = score(quiz, all, phases);
        phases.start("results");
        results.recordAutomatic(scored);
        phases.stop();
        phases.start("notifications");
        tellStudents(quiz, all, scored);
        phases.stop();
        LOG.info("Quiz {} evaluated: {} participations in {} ms ({})", quiz.getId(), scored.size(),
                phases.getTotalTimeMillis(), Arrays.stream(phases.getTaskInfo())
                        .map(phase -> phase.getTaskName() + " " + phase.getTimeMillis() + " ms")
                        .collect(Collectors.joining(", ")));
    }

    /**
     * Scores every participation of the quiz. Set-based: the whole lecture hall's latest submissions are read at
     * once, since a quiz ends for everyone at the same moment and its results are awaited by everyone.
     */
    private List<AutomaticResult> score(Exercise quiz, List<Participation> all, StopWatch phases) {
        List<QuizQuestion> quizQuestions = questions.findByExerciseIdOrderByPositionAsc(quiz.getId());
        phases.start("latest submissions");
        // Stored first: a result refers to the submission it scored, which must be a row by then.
        Map<Long, Submission> latest = submissions.latestStored(all.stream().map(Participation::getId).toList());
        phases.stop();
        phases.start("scoring");
        List<AutomaticResult> scored = new ArrayList<>(all.size());
        for (Participation participation : all) {
            Submission submission = latest.get(participation.getId());
            List<QuizAnswer> answers = submission == null ? List.of() : codec.read(submission.getContent().text());
            List<FeedbackItem> feedback = new ArrayList<>();
            BigDecimal score = BigDecimal.ZERO;
            for (QuizQuestion question : quizQuestions) {
                QuestionRule rule = question.toRule();
                QuizAnswer answer = QuizScoring.answerTo(rule, answers);
                BigDecimal points = QuizScoring.points(rule, answer);
                score = score.add(points);
                feedback.add(new FeedbackItem("question:" + question.getId(), feedbackText(rule, answer), points));
            }
            scored.add(new AutomaticResult(participation.getId(), submission == null ? null : submission.getId(),
                    score, quiz.getMaxPoints(), feedback));
        }
        phases.stop();
        return scored;
    }

    /**
     * Stores each student's notification with the results; the pushes (the quiz's end to the course, each score
     * to its student) go out after the commit, so no one hears of a rolled-back result.
     */
    private void tellStudents(Exercise quiz, List<Participation> all, List<AutomaticResult> scored) {
        Map<Long, BigDecimal> scoreByParticipation = new HashMap<>();
        scored.forEach(result -> scoreByParticipation.put(result.participationId(), result.score()));
        Map<Long, BigDecimal> scoreByStudent = new HashMap<>();
        for (Participation participation : all) {
            if (participation.getStudentId() != null) {
                scoreByStudent.put(participation.getStudentId(), scoreByParticipation.get(participation.getId()));
            }
        }
        Map<Long, UserSummary> students = users.summariesOf(scoreByStudent.keySet());
        List<PersonalNotification> notices = new ArrayList<>(students.size());
        scoreByStudent.forEach((studentId, score) -> {
            UserSummary student = students.get(studentId);
            if (student != null) {
                notices.add(new PersonalNotification(student, "You scored " + plain(score) + " of "
                        + plain(quiz.getMaxPoints()) + " in " + quiz.getTitle()));
            }
        });
        live.evaluated(quiz.getCourseId(), quiz.getId());
        notifications.notifyEach("Quiz result", notices);
        notices.forEach(notice -> live.result(notice.user().login(), quiz.getId(),
                scoreByStudent.get(notice.user().id()), quiz.getMaxPoints()));
    }

    private static String feedbackText(QuestionRule rule, QuizAnswer answer) {
        if (!QuizScoring.isAnswered(rule, answer)) {
            return "Not answered";
        }
        return QuizScoring.isCorrect(rule, answer) ? "Correct" : "Incorrect";
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }
}
