package org.lectern.node.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.FileSubmissions;
import org.lectern.node.exercise.FileSubmissions.WrittenFile;
import org.lectern.node.exercise.IdempotencyKey;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.SubmissionContent;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Student exams: generating them with one drawn variant per group, and a participant's start, saves and hand-in
 * within their own working time. Test runs (an instructor's own student exam) go through the same paths with
 * {@code testRun = true}; they ignore the exam's start window and never count for students.
 */
@Service
public class StudentExamService {

    private final ExamRepository exams;
    private final ExerciseGroupRepository groups;
    private final StudentExamRepository studentExams;
    private final StudentExamExerciseRepository studentExamExercises;
    private final StudentExamWriter writer;
    private final ExerciseDraw draw;
    private final ExamAccess access;
    private final ExerciseCatalog exercises;
    private final ParticipationService participations;
    private final SubmissionService submissions;
    private final FileSubmissions fileSubmissions;
    private final UserDirectory users;
    private final ExamLiveService examLive;
    private final LiveEvents live;
    private final ExamHandIn automaticHandIn;
    private final StudentExamRecords lastKnown;
    private final Clock clock;

    StudentExamService(ExamRepository exams, ExerciseGroupRepository groups, StudentExamRepository studentExams,
            StudentExamExerciseRepository studentExamExercises, StudentExamWriter writer, ExerciseDraw draw,
            ExamAccess access, ExerciseCatalog exercises, ParticipationService participations,
            SubmissionService submissions, FileSubmissions fileSubmissions, UserDirectory users,
            ExamLiveService examLive, LiveEvents live, ExamHandIn automaticHandIn, StudentExamRecords lastKnown,
            Clock clock) {
        this.lastKnown = lastKnown;
        this.fileSubmissions = fileSubmissions;
        this.automaticHandIn = automaticHandIn;
        this.examLive = examLive;
        this.live = live;
        this.exams = exams;
        this.groups = groups;
        this.studentExams = studentExams;
        this.studentExamExercises = studentExamExercises;
        this.writer = writer;
        this.draw = draw;
        this.access = access;
        this.exercises = exercises;
        this.participations = participations;
        this.submissions = submissions;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Creates a student exam for every registered student who has none, each with one exercise drawn from every
     * group. Students who have one keep it, so a second call creates nothing. Answers how many it created.
     */
    @Transactional
    public int generate(long examId, CurrentUser user) {
        access.require(examId, user, CourseRole.INSTRUCTOR);
        Exam exam = exams.lockById(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        List<GroupExercise> examExercises = exercisesToDraw(examId);
        int created = writer.insertMissingStudentExams(examId, exam.getWorkingTimeSeconds(), clock.instant());
        Map<Long, List<Long>> drawn = new LinkedHashMap<>();
        for (long studentExamId : studentExams.withoutExercises(examId)) {
            drawn.put(studentExamId, draw.draw(examExercises));
        }
        writer.insertExercises(drawn);
        return created;
    }

    @Transactional(readOnly = true)
    Page<StudentExamSummary> ofExam(long examId, CurrentUser user, Pageable pageable) {
        Exam exam = access.require(examId, user, CourseRole.TUTOR);
        Page<StudentExam> page = studentExams.findByExamIdAndTestRunFalseOrderByIdAsc(examId, pageable);
        Map<Long, String> logins = users.summariesOf(page.map(StudentExam::getUserId).toList()).values().stream()
                .collect(Collectors.toMap(UserSummary::id, UserSummary::login));
        Map<Long, List<Long>> exerciseIds = studentExamExercises
                .findByStudentExamIdInOrderByStudentExamIdAscPositionAsc(page.map(StudentExam::getId).toList())
                .stream()
                .collect(Collectors.groupingBy(StudentExamExercise::getStudentExamId,
                        Collectors.mapping(StudentExamExercise::getExerciseId, Collectors.toList())));
        return page.map(studentExam -> new StudentExamSummary(studentExam.getId(), studentExam.getUserId(),
                logins.get(studentExam.getUserId()), studentExam.getWorkingTimeSeconds(), studentExam.getStartedAt(),
                ExamWindow.of(studentExam, exam).individualEnd().orElse(null), studentExam.getSubmittedAt(),
                exerciseIds.getOrDefault(studentExam.getId(), List.of())));
    }

    /** The instructor's test run: created with freshly drawn exercises, or the one they have returned as it is. */
    @Transactional
    TestRunResult testRun(long examId, CurrentUser user) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        var existing = studentExams.findByExamIdAndUserIdAndTestRun(examId, user.id(), true);
        if (existing.isPresent()) {
            return new TestRunResult(false, view(exam, existing.get()));
        }
        List<GroupExercise> examExercises = exercisesToDraw(examId);
        StudentExam testRun = studentExams.saveAndFlush(
                new StudentExam(examId, user.id(), exam.getWorkingTimeSeconds(), true, clock.instant()));
        writer.insertExercises(Map.of(testRun.getId(), draw.draw(examExercises)));
        return new TestRunResult(true, view(exam, testRun));
    }

    @Transactional(readOnly = true)
    StudentExamView own(long examId, CurrentUser user, boolean testRun) {
        Exam exam = participantExam(examId, user, testRun);
        return view(exam, ownStudentExam(examId, user, testRun));
    }

    /**
     * Starts the participant's working time, once: a second start answers the exam as it is. Students start from
     * the exam's start date up to its end date; a test run starts any time.
     */
    @Transactional
    StudentExamView start(long examId, CurrentUser user, boolean testRun) {
        Exam exam = participantExam(examId, user, testRun);
        StudentExam studentExam = lockOwnStudentExam(examId, user, testRun);
        Instant now = clock.instant();
        if (!studentExam.isStarted()) {
            if (!testRun && !exam.isOpenForStartAt(now)) {
                throw new ConflictException("Exam " + examId + " can be started from " + exam.getStartDate()
                        + " to " + exam.getEndDate() + ".");
            }
            studentExam.start(now);
            participations.startIndividual(studentExamExercises.findByStudentExamIdOrderByPositionAsc(
                    studentExam.getId()).stream().map(StudentExamExercise::getExerciseId).toList(), user.id(), testRun);
            automaticHandIn.schedule(studentExam, exam);
            figuresChanged(examId, testRun);
        }
        return view(exam, studentExam);
    }

    /**
     * Saves the participant's work on one of their exercises as a new version. Allowed from their start until
     * their individual end plus the grace period, and not after the hand-in; a retry with the same idempotency key
     * is answered with the first save.
     */
    @Transactional
    SaveResult save(long examId, long exerciseId, CurrentUser user, boolean testRun, ExamAnswer answer,
            String idempotencyKey) {
        Exam exam = participantExam(examId, user, testRun);
        // Locked first: a save and the hand-in of one participant take turns, so none slips in after the hand-in.
        StudentExam studentExam = lockOwnStudentExam(examId, user, testRun);
        Exercise exercise = ownExercise(studentExam, exerciseId);
        SubmissionContent content = answer.contentFor(exercise.getType());
        IdempotencyKey.require(idempotencyKey);
        requireWorkAccepted(exam, studentExam, clock.instant());
        // Started with the exam; participationFor (a second connection) only for exams started before that was so.
        Participation participation = participations.existingParticipation(exercise, user.id(), testRun)
                .orElseGet(() -> participations.participationFor(exercise, user.id(), testRun));
        if (!testRun) {
            lastKnown.rememberSave(exam, studentExam, exercise, participation);
        }
        SaveResult saved = SaveResult.of(submissions.saveLive(participation, content, idempotencyKey, false, user));
        if (!testRun) {
            examLive.counted(examId, saved);
        }
        figuresChanged(examId, testRun);
        return saved;
    }

    /** Where an exam file upload goes: checked before the file is written. */
    record FileTarget(Exercise exercise, long participationId) {
    }

    /**
     * Checks, before a file is written, that the participant may save this file into this exercise now: their own
     * file upload exercise, an accepted name and size, a key, and within their working time (as every save).
     */
    @Transactional
    FileTarget fileTarget(long examId, long exerciseId, CurrentUser user, boolean testRun, String originalName,
            long declaredSize, String idempotencyKey) {
        Exam exam = participantExam(examId, user, testRun);
        StudentExam studentExam = lockOwnStudentExam(examId, user, testRun);
        Exercise exercise = ownExercise(studentExam, exerciseId);
        fileSubmissions.check(exercise, originalName, declaredSize);
        IdempotencyKey.require(idempotencyKey);
        requireWorkAccepted(exam, studentExam, clock.instant());
        Participation participation = participations.existingParticipation(exercise, user.id(), testRun)
                .orElseGet(() -> participations.participationFor(exercise, user.id(), testRun));
        return new FileTarget(exercise, participation.getId());
    }

    /**
     * Saves a written file as a new version, under the same lock and time rules as every exam save (the working
     * time may have ended, or the exam been handed in, while the file was written).
     */
    @Transactional
    SaveResult saveFile(long examId, CurrentUser user, boolean testRun, FileTarget target, WrittenFile file,
            String idempotencyKey) {
        Exam exam = participantExam(examId, user, testRun);
        StudentExam studentExam = lockOwnStudentExam(examId, user, testRun);
        requireWorkAccepted(exam, studentExam, clock.instant());
        SaveResult saved = SaveResult.of(fileSubmissions.save(file, target.participationId(), idempotencyKey, false,
                user.id()));
        if (!testRun) {
            examLive.counted(examId, saved);
        }
        figuresChanged(examId, testRun);
        return saved;
    }

    /** Hands the exam in: possible until the individual end plus the grace period, and only once. */
    @Transactional
    StudentExamView handIn(long examId, CurrentUser user, boolean testRun) {
        Exam exam = participantExam(examId, user, testRun);
        StudentExam studentExam = lockOwnStudentExam(examId, user, testRun);
        if (!testRun) {
            // Before the time is taken: a save from the records (database outage) ends before the mark, so before it.
            lastKnown.handingIn(examId, user.id());
        }
        Instant now = clock.instant();
        requireWorkAccepted(exam, studentExam, now);
        studentExam.handIn(now);
        automaticHandIn.withdraw(studentExam);
        figuresChanged(examId, testRun);
        return view(exam, studentExam);
    }

    /** Pushes the live figures to the staff once this transaction commits; test runs never count in them. */
    private void figuresChanged(long examId, boolean testRun) {
        if (!testRun) {
            live.publishThrottled(TopicRegistry.EXAM_STAFF.destination(examId), ExamLiveService.FIGURES_INTERVAL,
                    () -> examLive.figuresOf(examId));
        }
    }

    private static void requireWorkAccepted(Exam exam, StudentExam studentExam, Instant now) {
        requireWorkAccepted(studentExam.isStarted(), studentExam.isSubmitted(), ExamWindow.of(studentExam, exam), now);
    }

    /** The rule itself, also for a save from the records while the database is unreachable ({@link ExamSaves}). */
    static void requireWorkAccepted(boolean started, boolean submitted, ExamWindow window, Instant now) {
        if (!started) {
            throw new ConflictException("You have not started the exam yet.");
        }
        if (submitted) {
            throw new ConflictException("You have handed the exam in already.");
        }
        if (!window.acceptsWorkAt(now)) {
            throw new ConflictException("Your working time is over.");
        }
    }

    private Exam participantExam(long examId, CurrentUser user, boolean testRun) {
        return testRun ? access.require(examId, user, CourseRole.INSTRUCTOR) : access.requireParticipant(examId, user);
    }

    private StudentExam ownStudentExam(long examId, CurrentUser user, boolean testRun) {
        return studentExams.findByExamIdAndUserIdAndTestRun(examId, user.id(), testRun)
                .orElseThrow(() -> noStudentExam(examId, testRun));
    }

    /** Locks the participant's student exam; it is read here for the first time, so its state is current. */
    private StudentExam lockOwnStudentExam(long examId, CurrentUser user, boolean testRun) {
        return studentExams.lockOwn(examId, user.id(), testRun).orElseThrow(() -> noStudentExam(examId, testRun));
    }

    /** An exercise of the participant's exam: 404 for an exercise that does not exist, 403 for another one. */
    private Exercise ownExercise(StudentExam studentExam, long exerciseId) {
        return studentExamExercises.exerciseOf(studentExam.getId(), exerciseId).orElseThrow(() -> {
            exercises.get(exerciseId); // NotFoundException if there is no such exercise at all
            return new AccessDeniedException("Exercise " + exerciseId + " is not part of your exam.");
        });
    }

    private static NotFoundException noStudentExam(long examId, boolean testRun) {
        return new NotFoundException(testRun ? "test run of exam" : "student exam (not generated yet) of exam",
                examId);
    }

    /** The exam's exercises grouped for the draw; refused while a group is empty, as no variant could be drawn. */
    private List<GroupExercise> exercisesToDraw(long examId) {
        List<ExerciseGroup> examGroups = groups.findByExamIdOrderByPositionAsc(examId);
        if (examGroups.isEmpty()) {
            throw new ConflictException("Exam " + examId + " has no exercise groups yet.");
        }
        List<GroupExercise> examExercises = groups.exercisesOf(examId);
        for (ExerciseGroup group : examGroups) {
            if (examExercises.stream().noneMatch(exercise -> exercise.groupId() == group.getId())) {
                throw new ConflictException("Exercise group '" + group.getTitle() + "' has no exercises yet.");
            }
        }
        return examExercises;
    }

    private StudentExamView view(Exam exam, StudentExam studentExam) {
        boolean started = studentExam.isStarted();
        List<StudentExamView.Item> items = studentExamExercises
                .findByStudentExamIdOrderByPositionAsc(studentExam.getId()).stream()
                .map(drawn -> item(drawn, exercises.get(drawn.getExerciseId()), studentExam, started))
                .toList();
        return new StudentExamView(studentExam.getId(), exam.getId(), exam.getTitle(), studentExam.isTestRun(),
                studentExam.getWorkingTimeSeconds(), exam.getGracePeriodSeconds(), studentExam.getStartedAt(),
                ExamWindow.of(studentExam, exam).individualEnd().orElse(null), studentExam.getSubmittedAt(),
                studentExam.isSubmitted(), items);
    }

    private StudentExamView.Item item(StudentExamExercise drawn, Exercise exercise, StudentExam studentExam,
            boolean started) {
        StudentExamView.LatestSave latest = !started ? null : participations
                .existingParticipation(exercise, studentExam.getUserId(), studentExam.isTestRun())
                .flatMap(participation -> submissions.latest(participation.getId()))
                .map(submission -> new StudentExamView.LatestSave(submission.getId(), submission.getVersion(),
                        submission.getSubmittedAt(), submission.getContent().text(),
                        submission.getContent().fileName()))
                .orElse(null);
        return new StudentExamView.Item(exercise.getId(), drawn.getPosition(), exercise.getType(), exercise.getTitle(),
                exercise.getMaxPoints(), started ? exercise.getProblemStatement() : null, exercise.getFileExtensions(),
                latest);
    }
}
