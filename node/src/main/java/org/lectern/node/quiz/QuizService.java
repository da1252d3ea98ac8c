package org.lectern.node.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.node.assessment.AssessmentType;
import org.lectern.node.assessment.ResultService;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.IdempotencyKey;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.SavedSubmission;
import org.lectern.node.exercise.Submission;
import org.lectern.node.exercise.SubmissionContent;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.scheduling.ScheduledTasks;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.DatabaseReachability;
import org.lectern.node.web.DatabaseUnavailable;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Quizzes: writing them, running them live, taking students' answers, and counting them for the staff. */
@Service
public class QuizService {

    private final ExerciseCatalog exercises;
    private final QuizQuestionRepository questions;
    private final ParticipationService participations;
    private final SubmissionService submissions;
    private final ResultService results;
    private final QuizAnswerCodec codec;
    private final ScheduledTasks tasks;
    private final CourseAccess access;
    private final LiveQuizRecords lastKnown;
    private final DatabaseReachability database;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    QuizService(ExerciseCatalog exercises, QuizQuestionRepository questions, ParticipationService participations,
            SubmissionService submissions, ResultService results, QuizAnswerCodec codec, ScheduledTasks tasks,
            CourseAccess access, LiveQuizRecords lastKnown, DatabaseReachability database,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.tasks = tasks;
        this.access = access;
        this.lastKnown = lastKnown;
        this.database = database;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.exercises = exercises;
        this.questions = questions;
        this.participations = participations;
        this.submissions = submissions;
        this.results = results;
        this.codec = codec;
        this.clock = clock;
    }

    /** The course a quiz belongs to, for the access check; 404 for an unknown id or an exercise of another type. */
    @Transactional(readOnly = true)
    public long courseOf(long quizId) {
        return quiz(quizId).getCourseId();
    }

    @Transactional
    public QuizView create(long courseId, QuizRequest request) {
        checkRules(request);
        Exercise quiz = new Exercise(courseId, null, ExerciseType.QUIZ, ExerciseMode.INDIVIDUAL,
                request.title().strip(), maxPointsOf(request), clock.instant());
        quiz.setQuizDurationSeconds(request.durationSeconds());
        quiz.setDates(request.releaseDate(), null, null);
        Exercise saved = exercises.save(quiz);
        return viewOf(saved, writeQuestions(saved.getId(), request));
    }

    @Transactional(readOnly = true)
    public QuizView view(long quizId) {
        Exercise quiz = quiz(quizId);
        return viewOf(quiz, questions.findByExerciseIdOrderByPositionAsc(quizId));
    }

    /** Replaces title, duration, release date and questions of a quiz that has not started. */
    @Transactional
    public QuizView update(long quizId, QuizRequest request) {
        checkRules(request);
        List<QuizQuestion> old = questions.lockByExerciseId(quizId);
        Exercise quiz = notStarted(quizId, "changed");
        quiz.setTitle(request.title().strip());
        quiz.setQuizDurationSeconds(request.durationSeconds());
        quiz.setMaxPoints(maxPointsOf(request));
        quiz.setDates(request.releaseDate(), quiz.getDueDate(), quiz.getAssessmentDueDate());
        exercises.save(quiz);
        questions.deleteAll(old);
        // The new questions take the old positions: the deletes must reach the database before the inserts.
        questions.flush();
        return viewOf(quiz, writeQuestions(quizId, request));
    }

    @Transactional
    public void delete(long quizId) {
        questions.lockByExerciseId(quizId);
        notStarted(quizId, "deleted");
        exercises.delete(quizId);
    }

    /**
     * Starts the live quiz now; it runs for its duration, then the grace period, then is evaluated. The evaluation
     * is scheduled in the same transaction, so a started quiz always has its {@code quiz.end} task.
     */
    @Transactional
    public QuizView start(long quizId) {
        // Two instructors starting at once, on any node: the row lock lets the second see the first's start.
        questions.lockByExerciseId(quizId);
        Exercise quiz = notStarted(quizId, "started");
        // The database keeps microseconds: the answer shows the start as every later read will.
        quiz.setQuizStartedAt(clock.instant().truncatedTo(ChronoUnit.MICROS));
        exercises.save(quiz);
        tasks.schedule(QuizEvaluator.QUIZ_END, Long.toString(quizId),
                QuizState.endOf(quiz).plus(QuizState.GRACE_PERIOD));
        List<QuizQuestion> quizQuestions = questions.findByExerciseIdOrderByPositionAsc(quizId);
        lastKnown.started(quiz, answerable(quizQuestions));
        return viewOf(quiz, quizQuestions);
    }

    /**
     * Ends a running quiz now: its duration becomes the whole seconds it has run (at least one), so the grace
     * period and the evaluation (its task moved forward) follow exactly as after a countdown that reached zero.
     */
    @Transactional
    public QuizView end(long quizId) {
        questions.lockByExerciseId(quizId);
        Exercise quiz = quiz(quizId);
        Instant now = clock.instant();
        QuizState state = QuizState.of(quiz, now);
        if (state == QuizState.NOT_STARTED) {
            throw new ConflictException("Quiz " + quizId + " has not started; only a running quiz can be ended.");
        }
        if (state != QuizState.RUNNING) {
            throw new ConflictException("Quiz " + quizId + " has ended already.");
        }
        long ran = Duration.between(quiz.getQuizStartedAt(), now).toSeconds();
        quiz.setQuizDurationSeconds((int) Math.max(1, ran));
        exercises.save(quiz);
        // Re-scheduling replaces the countdown's evaluation time: one quiz.end task, now due earlier.
        tasks.schedule(QuizEvaluator.QUIZ_END, Long.toString(quizId),
                QuizState.endOf(quiz).plus(QuizState.GRACE_PERIOD));
        List<QuizQuestion> quizQuestions = questions.findByExerciseIdOrderByPositionAsc(quizId);
        lastKnown.ended(quiz, answerable(quizQuestions));
        return viewOf(quiz, quizQuestions);
    }

    /** What a student sees of the quiz now: no solution before evaluation, their result and the solutions after. */
    @Transactional(readOnly = true)
    public LiveQuizView live(long quizId, CurrentUser student) {
        Exercise quiz = quiz(quizId);
        Instant now = clock.instant();
        QuizState state = QuizState.of(quiz, now);
        List<QuizQuestion> all = questions.findByExerciseIdOrderByPositionAsc(quizId);
        Optional<Participation> participation = participations.existingParticipation(quiz, student.id(), false);
        OwnAnswers answers = participation.map(p -> ownAnswersOf(p.getId())).orElse(null);
        QuizState shown = state == QuizState.GRACE ? QuizState.ENDED : state;
        long remaining = state == QuizState.RUNNING
                ? Math.max(0, Duration.between(now, QuizState.endOf(quiz)).toSeconds()) : 0;
        List<LiveQuizView.Question> visible = state == QuizState.NOT_STARTED ? List.of()
                : all.stream().map(LiveQuizView.Question::of).toList();
        QuizResultView result = null;
        List<QuizView.Question> solutions = null;
        if (state == QuizState.EVALUATED) {
            result = participation.flatMap(p -> results.ofParticipation(p.getId()).stream()
                            .filter(r -> r.getAssessmentType() == AssessmentType.AUTOMATIC).findFirst())
                    .map(r -> new QuizResultView(r.getScore(), r.getMaxScore(), r.getCompletedAt(), r.getFeedback()))
                    .orElse(null);
            solutions = all.stream().map(QuizView.Question::of).toList();
        }
        return new LiveQuizView(quiz.getId(), quiz.getTitle(), shown, quiz.getQuizStartedAt(), QuizState.endOf(quiz),
                remaining, quiz.getMaxPoints(), visible, answers, result, solutions);
    }

    /**
     * A student's answers over the API: checked against the course and the quiz in the database, and saved. While
     * the database is unreachable, checked against what the cluster last knew of the student's role, the quiz and
     * their participation, and saved into the live map all the same; a student or quiz the cluster does not know is
     * refused with 503, nothing saved (docs/architecture.md, "database outage").
     */
    public SavedAnswers saveAsStudent(long quizId, CurrentUser student, String idempotencyKey, QuizAnswers request) {
        IdempotencyKey.require(idempotencyKey);
        return database.fromDatabaseOr(
                () -> save(checked(quizId, request, quiz -> access.requireStudent(quiz.getCourseId(), student)),
                        student, idempotencyKey),
                unreachable -> saveAsLastKnown(quizId, student, idempotencyKey, request, unreachable));
    }

    /** {@link #saveAsStudent} for a caller that checked the student's access already (or needs none). */
    public SavedAnswers save(long quizId, CurrentUser student, String idempotencyKey, QuizAnswers request) {
        IdempotencyKey.require(idempotencyKey);
        return save(checked(quizId, request, quiz -> { }), student, idempotencyKey);
    }

    /** An answer checked against the database: the quiz, its questions, and the answers in canonical form. */
    private record CheckedAnswers(Exercise quiz, List<AnswerableQuestion> questions, List<QuizAnswer> canonical) {
    }

    /**
     * Every check that can refuse an answer, in one read-only transaction: a whole hall answers within seconds, and
     * each transaction is a connection taken and given back and a round trip more to the database.
     */
    private CheckedAnswers checked(long quizId, QuizAnswers request, Consumer<Exercise> accessCheck) {
        return readOnly.execute(status -> {
            Exercise quiz = quiz(quizId);
            accessCheck.accept(quiz);
            requireAccepting(QuizState.of(quiz, clock.instant()), quizId);
            List<AnswerableQuestion> quizQuestions = answerable(questions.findByExerciseIdOrderByPositionAsc(quizId));
            return new CheckedAnswers(quiz, quizQuestions, canonical(request.answers(), quizQuestions));
        });
    }

    /**
     * Saves checked answers while the quiz runs (or in its grace period). Not one transaction with the checks on
     * purpose: the participation is started in a transaction of its own (race-safe across nodes, and never a
     * second connection held beside the first) and the save needs none; the checks ran before either, so a refused
     * request changes nothing.
     */
    private SavedAnswers save(CheckedAnswers answers, CurrentUser student, String idempotencyKey) {
        Participation participation = participations.participationFor(answers.quiz(), student.id(), false);
        lastKnown.rememberAnswering(answers.quiz(), answers.questions(), student.id(), participation.getId());
        SavedSubmission saved = submissions.saveLive(participation,
                SubmissionContent.ofText(codec.write(answers.canonical())), idempotencyKey, false, student);
        return new SavedAnswers(saved.submissionId(), saved.version(), saved.savedAt(), saved.replayed());
    }

    /**
     * {@link #saveAsStudent} from the records alone, with the same checks in the same order, so it refuses what the
     * database path refuses. Questions cannot change once a quiz has started, and the saves themselves need no
     * database once the live map holds the participation.
     */
    private SavedAnswers saveAsLastKnown(long quizId, CurrentUser student, String idempotencyKey,
            QuizAnswers request, RuntimeException unreachable) {
        LiveQuizRecord quiz = lastKnown.quiz(quizId)
                .orElseThrow(() -> DatabaseUnavailable.saveRefused(unreachable));
        access.requireStudentAsLastKnown(quiz.courseId(), student,
                () -> DatabaseUnavailable.saveRefused(unreachable));
        requireAccepting(quiz.stateAt(clock.instant()), quizId);
        List<QuizAnswer> canonical = canonical(request.answers(), quiz.questions());
        long participationId = lastKnown.participation(quizId, student.id())
                .orElseThrow(() -> DatabaseUnavailable.saveRefused(unreachable));
        try {
            SavedSubmission saved = submissions.saveLive(participationId, quizId,
                    SubmissionContent.ofText(codec.write(canonical)), idempotencyKey, false, student);
            return new SavedAnswers(saved.submissionId(), saved.version(), saved.savedAt(), saved.replayed());
        } catch (RuntimeException failure) {
            // The live map forgot the participation (idle, or never held it): its versions are in the database.
            if (DatabaseReachability.isUnreachable(failure)) {
                throw DatabaseUnavailable.saveRefused(failure);
            }
            throw failure;
        }
    }

    private static void requireAccepting(QuizState state, long quizId) {
        if (!state.acceptsAnswers()) {
            throw new ConflictException(state == QuizState.NOT_STARTED
                    ? "Quiz " + quizId + " has not started; answers are accepted only while it runs."
                    : "Quiz " + quizId + " has ended; answers are no longer accepted.");
        }
    }

    private static List<AnswerableQuestion> answerable(List<QuizQuestion> quizQuestions) {
        return quizQuestions.stream().map(AnswerableQuestion::of).toList();
    }

    @Transactional(readOnly = true)
    public OwnAnswers ownAnswers(long quizId, CurrentUser student) {
        Exercise quiz = quiz(quizId);
        return participations.existingParticipation(quiz, student.id(), false)
                .map(p -> ownAnswersOf(p.getId()))
                .orElse(OwnAnswers.NONE);
    }

    /** Counts every participant's latest answers per question and option. */
    @Transactional(readOnly = true)
    public QuizStatistics statistics(long quizId) {
        Exercise quiz = quiz(quizId);
        List<QuizQuestion> all = questions.findByExerciseIdOrderByPositionAsc(quizId);
        List<Participation> taking = participations.ofExercise(quizId);
        Map<Long, Submission> latestOf = submissions.latestOf(taking.stream().map(Participation::getId).toList());
        List<List<QuizAnswer>> latest = taking.stream()
                .map(p -> Optional.ofNullable(latestOf.get(p.getId())).map(this::answersIn).orElse(List.of()))
                .toList();
        List<QuestionRule> rules = all.stream().map(QuizQuestion::toRule).toList();
        int answered = (int) latest.stream()
                .filter(answers -> rules.stream().anyMatch(r -> QuizScoring.isAnswered(r, QuizScoring.answerTo(r, answers))))
                .count();
        List<QuizStatistics.Question> perQuestion = new ArrayList<>();
        for (QuizQuestion question : all) {
            QuestionRule rule = question.toRule();
            List<QuizAnswer> toThis = latest.stream().map(answers -> QuizScoring.answerTo(rule, answers))
                    .filter(answer -> QuizScoring.isAnswered(rule, answer)).toList();
            int correct = (int) toThis.stream().filter(answer -> QuizScoring.isCorrect(rule, answer)).count();
            List<QuizStatistics.Option> options = question.getOptions().stream()
                    .map(option -> new QuizStatistics.Option(option.getId(), option.getText(), option.isCorrect(),
                            (int) toThis.stream().filter(answer -> chose(question, option, answer)).count()))
                    .toList();
            perQuestion.add(new QuizStatistics.Question(question.getId(), question.getPosition(), question.getType(),
                    question.getText(), toThis.size(), correct, options));
        }
        return new QuizStatistics(quizId, QuizState.of(quiz, clock.instant()), taking.size(), answered, perQuestion);
    }

    /** The answers a submission holds; empty if it holds none this quiz can read. */
    List<QuizAnswer> answersIn(Submission submission) {
        return codec.read(submission.getContent().text());
    }

    private static boolean chose(QuizQuestion question, QuizOption option, QuizAnswer answer) {
        return question.getType() == QuestionType.SHORT_ANSWER
                ? QuizScoring.matches(answer.text(), option.getText())
                : QuizScoring.chosen(answer).contains(option.getId());
    }

    private OwnAnswers ownAnswersOf(long participationId) {
        return submissions.latest(participationId)
                .map(s -> new OwnAnswers(s.getId(), s.getVersion(), s.getSubmittedAt(), answersIn(s)))
                .orElse(OwnAnswers.NONE);
    }

    /**
     * Checks the answers against the quiz and brings them into one form: sorted by question, options sorted and
     * without repeats, text only for short answers. Anything not of this quiz is refused with 400.
     */
    private static List<QuizAnswer> canonical(List<QuizAnswer> answers, List<AnswerableQuestion> quizQuestions) {
        Map<Long, AnswerableQuestion> byId = quizQuestions.stream()
                .collect(Collectors.toMap(AnswerableQuestion::id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        List<QuizAnswer> result = new ArrayList<>();
        for (QuizAnswer answer : answers) {
            AnswerableQuestion question = byId.get(answer.questionId());
            if (question == null) {
                throw new InvalidRequestException("Question " + answer.questionId() + " is not part of this quiz.");
            }
            if (!seen.add(answer.questionId())) {
                throw new InvalidRequestException("Question " + answer.questionId() + " is answered twice.");
            }
            List<Long> optionIds = answer.optionIds() == null ? List.of()
                    : answer.optionIds().stream().distinct().sorted().toList();
            if (question.type() == QuestionType.SHORT_ANSWER) {
                if (!optionIds.isEmpty()) {
                    throw new InvalidRequestException("Question " + question.id()
                            + " is a short-answer question: send text, not options.");
                }
                result.add(new QuizAnswer(question.id(), List.of(), answer.text() == null ? "" : answer.text()));
                continue;
            }
            if (answer.text() != null) {
                throw new InvalidRequestException("Question " + question.id()
                        + " is a choice question: send optionIds, not text.");
            }
            Set<Long> ofQuestion = Set.copyOf(question.optionIds());
            for (Long optionId : optionIds) {
                if (!ofQuestion.contains(optionId)) {
                    throw new InvalidRequestException("Option " + optionId + " is not an option of question "
                            + question.id() + ".");
                }
            }
            if (question.type() == QuestionType.SINGLE_CHOICE && optionIds.size() > 1) {
                throw new InvalidRequestException("Question " + question.id()
                        + " is a single-choice question: choose at most one option.");
            }
            result.add(new QuizAnswer(question.id(), optionIds, null));
        }
        result.sort(Comparator.comparing(QuizAnswer::questionId));
        return result;
    }

    private static void checkRules(QuizRequest request) {
        for (int i = 0; i < request.questions().size(); i++) {
            QuizRequest.Question question = request.questions().get(i);
            long correct = question.options().stream().filter(QuizRequest.Option::isCorrect).count();
            String which = "Question " + (i + 1);
            switch (question.type()) {
                case SINGLE_CHOICE -> {
                    if (correct != 1) {
                        throw new InvalidRequestException(which + " is single choice: exactly one option must be correct.");
                    }
                }
                case MULTIPLE_CHOICE -> {
                    if (correct < 1) {
                        throw new InvalidRequestException(which + " is multiple choice: at least one option must be correct.");
                    }
                }
                case SHORT_ANSWER -> {
                    // @NotEmpty on the options already demands one accepted answer; each counts as correct.
                }
            }
        }
    }

    private static BigDecimal maxPointsOf(QuizRequest request) {
        return request.questions().stream().map(QuizRequest.Question::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<QuizQuestion> writeQuestions(long quizId, QuizRequest request) {
        List<QuizQuestion> written = new ArrayList<>();
        for (int i = 0; i < request.questions().size(); i++) {
            QuizRequest.Question source = request.questions().get(i);
            QuizQuestion question = new QuizQuestion(quizId, i + 1, source.type(), source.text().strip(),
                    source.points());
            source.options().forEach(option -> question.addOption(option.text().strip(), option.isCorrect()));
            written.add(question);
        }
        return questions.saveAllAndFlush(written);
    }

    private Exercise notStarted(long quizId, String whatHappens) {
        Exercise quiz = quiz(quizId);
        if (quiz.getQuizStartedAt() != null) {
            throw new ConflictException("Quiz " + quizId + " has started; it can no longer be " + whatHappens + ".");
        }
        return quiz;
    }

    /** A course quiz; exam exercises and other exercise types are not found here. */
    private Exercise quiz(long quizId) {
        Exercise exercise = exercises.get(quizId);
        if (exercise.getType() != ExerciseType.QUIZ || exercise.isExamExercise()) {
            throw new NotFoundException("quiz", quizId);
        }
        return exercise;
    }

    private QuizView viewOf(Exercise quiz, List<QuizQuestion> quizQuestions) {
        return new QuizView(quiz.getId(), quiz.getCourseId(), quiz.getTitle(), quiz.getQuizDurationSeconds(),
                quiz.getReleaseDate(), quiz.getMaxPoints(), QuizState.of(quiz, clock.instant()),
                quiz.getQuizStartedAt(), QuizState.endOf(quiz), quiz.getQuizEvaluatedAt(),
                quizQuestions.stream().map(QuizView.Question::of).toList());
    }
}
