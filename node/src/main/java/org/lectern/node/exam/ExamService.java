package org.lectern.node.exam;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.FileLimits;
import org.lectern.node.messaging.AccessNarrowed;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exams as instructors set them up: the exam itself, its exercise groups and exercises, and who may take it. */
@Service
public class ExamService {

    private final ExamRepository exams;
    private final ExerciseGroupRepository groups;
    private final ExamRegistrationRepository registrations;
    private final StudentExamRepository studentExams;
    private final ExamAccess access;
    private final CourseAccess courseAccess;
    private final CourseService courses;
    private final ExerciseCatalog exercises;
    private final FileLimits fileLimits;
    private final UserDirectory users;
    private final ExamHandIn automaticHandIn;
    private final StudentExamRecords lastKnown;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExamService(ExamRepository exams, ExerciseGroupRepository groups, ExamRegistrationRepository registrations,
            StudentExamRepository studentExams, ExamAccess access, CourseAccess courseAccess, CourseService courses,
            ExerciseCatalog exercises, FileLimits fileLimits, UserDirectory users, ExamHandIn automaticHandIn,
            StudentExamRecords lastKnown, ApplicationEventPublisher events, Clock clock) {
        this.lastKnown = lastKnown;
        this.fileLimits = fileLimits;
        this.events = events;
        this.automaticHandIn = automaticHandIn;
        this.exams = exams;
        this.groups = groups;
        this.registrations = registrations;
        this.studentExams = studentExams;
        this.access = access;
        this.courseAccess = courseAccess;
        this.courses = courses;
        this.exercises = exercises;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    ExamView create(long courseId, CurrentUser user, ExamDefinition definition) {
        courseAccess.require(courseId, user, CourseRole.INSTRUCTOR);
        Exam exam = new Exam(courseId, clock.instant());
        exam.define(definition);
        return ExamView.of(exams.save(exam));
    }

    /** Staff see every exam of the course; a student only the visible ones they are registered for. */
    @Transactional(readOnly = true)
    Page<ExamView> ofCourse(long courseId, CurrentUser user, Pageable pageable) {
        CourseRole role = courseAccess.require(courseId, user, CourseRole.STUDENT);
        Page<Exam> page = role.isAtLeast(CourseRole.TUTOR)
                ? exams.findByCourseIdOrderByStartDateAscIdAsc(courseId, pageable)
                : exams.findVisibleForStudent(courseId, user.id(), clock.instant(), pageable);
        return page.map(ExamView::of);
    }

    @Transactional(readOnly = true)
    ExamView get(long examId, CurrentUser user) {
        return ExamView.of(access.requireViewer(examId, user));
    }

    /**
     * Changes the exam's settings. Student exams generated already keep their working time; it is changed for them
     * through the working-time endpoints.
     */
    @Transactional
    ExamView update(long examId, CurrentUser user, ExamDefinition definition) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        int gracePeriod = exam.getGracePeriodSeconds();
        Instant visibleDate = exam.getVisibleDate();
        exam.define(definition);
        if (exam.getGracePeriodSeconds() != gracePeriod || !exam.getVisibleDate().equals(visibleDate)) {
            // Saves during a database outage must not go by the old rules.
            lastKnown.forgetExam(examId);
        }
        if (exam.getGracePeriodSeconds() != gracePeriod) {
            // A new grace period moves every running student's last moment, so their automatic hand-in moves too.
            studentExams.findByExamIdAndTestRunFalseAndSubmittedAtIsNull(examId)
                    .forEach(studentExam -> automaticHandIn.schedule(studentExam, exam));
        }
        return ExamView.of(exams.save(exam));
    }

    /** Deletes the exam with everything in it, unless a student has started it: their work must not vanish. */
    @Transactional
    void delete(long examId, CurrentUser user) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        if (studentExams.countByExamIdAndTestRunFalseAndStartedAtIsNotNull(examId) > 0) {
            throw new ConflictException("Exam " + examId + " has been started by students and cannot be deleted.");
        }
        List<Long> registered = registrations.userIdsOf(examId);
        exams.delete(exam);
        if (!registered.isEmpty()) {
            // Registered students may follow the exam live; after the commit they may not.
            events.publishEvent(new AccessNarrowed(users.summariesOf(registered).values().stream()
                    .map(UserSummary::login).collect(Collectors.toSet()), "The exam was deleted"));
        }
    }

    @Transactional
    ExerciseGroupView addGroup(long examId, CurrentUser user, String title, boolean mandatory) {
        access.require(examId, user, CourseRole.INSTRUCTOR);
        // The unique (exam, position) key turns a race of two additions into a 409 for one of them.
        ExerciseGroup group = groups.save(new ExerciseGroup(examId, title, groups.lastPosition(examId) + 1, mandatory));
        return new ExerciseGroupView(group.getId(), group.getTitle(), group.getPosition(), group.isMandatory(),
                List.of());
    }

    @Transactional(readOnly = true)
    List<ExerciseGroupView> groupsOf(long examId, CurrentUser user) {
        access.require(examId, user, CourseRole.TUTOR);
        Map<Long, List<ExamExerciseView>> exercisesByGroup = groups.exercisesOf(examId).stream()
                .map(exercise -> ExamExerciseView.of(exercises.get(exercise.exerciseId())))
                .collect(Collectors.groupingBy(ExamExerciseView::exerciseGroupId));
        return groups.findByExamIdOrderByPositionAsc(examId).stream()
                .map(group -> new ExerciseGroupView(group.getId(), group.getTitle(), group.getPosition(),
                        group.isMandatory(), exercisesByGroup.getOrDefault(group.getId(), List.of())))
                .toList();
    }

    /** Adds an exercise (a variant) to a group; quiz exam exercises belong to the quiz feature. */
    @Transactional
    ExamExerciseView addExercise(long groupId, CurrentUser user, ExamExerciseDefinition definition) {
        ExerciseGroup group = groups.findById(groupId)
                .orElseThrow(() -> new NotFoundException("exercise group", groupId));
        Exam exam = access.require(group.getExamId(), user, CourseRole.INSTRUCTOR);
        if (definition.type() == ExerciseType.QUIZ) {
            throw new InvalidRequestException("Exam exercises are of type TEXT, MODELING or FILE_UPLOAD here.");
        }
        Exercise exercise = new Exercise(exam.getCourseId(), groupId, definition.type(), ExerciseMode.INDIVIDUAL,
                definition.title(), definition.maxPoints(), clock.instant());
        define(exercise, definition);
        return ExamExerciseView.of(exercises.save(exercise));
    }

    private void define(Exercise exercise, ExamExerciseDefinition definition) {
        exercise.setTitle(definition.title());
        exercise.setProblemStatement(definition.problemStatement());
        exercise.setMaxPoints(definition.maxPoints());
        if (definition.type() == ExerciseType.FILE_UPLOAD) {
            fileLimits.applyLimits(exercise, definition.fileExtensions(), definition.maxFileSizeBytes());
        }
    }

    /** Renames a group or changes whether it is mandatory; only before the exam starts. */
    @Transactional
    ExerciseGroupView updateGroup(long groupId, CurrentUser user, String title, boolean mandatory) {
        ExerciseGroup group = groups.findById(groupId)
                .orElseThrow(() -> new NotFoundException("exercise group", groupId));
        requireNotStarted(access.require(group.getExamId(), user, CourseRole.INSTRUCTOR), "changed");
        group.change(title, mandatory);
        groups.save(group);
        return groupsOf(group.getExamId(), user).stream().filter(view -> view.id() == groupId).findFirst()
                .orElseThrow();
    }

    /** Deletes a group with its exercises; only before the exam starts and before student exams are drawn. */
    @Transactional
    void deleteGroup(long groupId, CurrentUser user) {
        ExerciseGroup group = groups.findById(groupId)
                .orElseThrow(() -> new NotFoundException("exercise group", groupId));
        Exam exam = access.require(group.getExamId(), user, CourseRole.INSTRUCTOR);
        requireNotStarted(exam, "deleted");
        requireNotGenerated(exam);
        groups.delete(group);
    }

    /**
     * Changes an exam exercise's title, problem statement and points (its type stays); only before the exam
     * starts. Nothing saved for it is touched: work belongs to the exercise's id, not its text.
     */
    @Transactional
    ExamExerciseView updateExercise(long groupId, long exerciseId, CurrentUser user,
            ExamExerciseDefinition definition) {
        Exercise exercise = groupExercise(groupId, exerciseId, user, "changed");
        if (definition.type() != exercise.getType()) {
            throw new InvalidRequestException("The type of an exercise cannot change; add a new one.");
        }
        define(exercise, definition);
        return ExamExerciseView.of(exercises.save(exercise));
    }

    /** Deletes a variant; only before the exam starts and before student exams are drawn from its group. */
    @Transactional
    void deleteExercise(long groupId, long exerciseId, CurrentUser user) {
        Exercise exercise = groupExercise(groupId, exerciseId, user, "deleted");
        requireNotGenerated(exams.findById(groupOf(groupId).getExamId()).orElseThrow());
        exercises.delete(exercise.getId());
    }

    private ExerciseGroup groupOf(long groupId) {
        return groups.findById(groupId).orElseThrow(() -> new NotFoundException("exercise group", groupId));
    }

    private Exercise groupExercise(long groupId, long exerciseId, CurrentUser user, String verb) {
        ExerciseGroup group = groupOf(groupId);
        Exam exam = access.require(group.getExamId(), user, CourseRole.INSTRUCTOR);
        Exercise exercise = exercises.get(exerciseId);
        if (exercise.getExerciseGroupId() == null || exercise.getExerciseGroupId() != groupId) {
            throw new NotFoundException("exercise of group " + groupId, exerciseId);
        }
        requireNotStarted(exam, verb);
        return exercise;
    }

    /** An exam has started at its start date, or earlier if its dates moved after a student began. */
    private void requireNotStarted(Exam exam, String verb) {
        if (!clock.instant().isBefore(exam.getStartDate())
                || studentExams.countByExamIdAndTestRunFalseAndStartedAtIsNotNull(exam.getId()) > 0) {
            throw new ConflictException("Exam \"" + exam.getTitle() + "\" has started; its exercise groups and "
                    + "exercises can no longer be " + verb + ".");
        }
    }

    /** Student exams hold one exercise of every group: removing one afterwards would leave them incomplete. */
    private void requireNotGenerated(Exam exam) {
        if (studentExams.countByExamIdAndTestRunFalse(exam.getId()) > 0) {
            throw new ConflictException("Student exams of \"" + exam.getTitle() + "\" have been generated from its "
                    + "groups; nothing can be deleted from them any more.");
        }
    }

    /**
     * Registers students of the exam's course by login. All or nothing: unknown logins and members who are not
     * students are listed in a 400, and then nobody is registered.
     */
    @Transactional
    RegistrationResult register(long examId, CurrentUser user, List<String> logins) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        // Users and their roles are read in batches: a whole exam's list is a handful of queries, not thousands.
        Set<String> distinct = new LinkedHashSet<>(logins);
        Map<String, UserSummary> found = users.findAll(distinct);
        Map<Long, CourseRole> roles = courses.rolesOf(exam.getCourseId(),
                found.values().stream().map(UserSummary::id).toList());
        List<Long> studentIds = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String login : distinct) {
            UserSummary summary = found.get(login);
            // An administrator counts as an instructor everywhere, so never as a student.
            if (summary != null && !summary.admin() && roles.get(summary.id()) == CourseRole.STUDENT) {
                studentIds.add(summary.id());
            } else {
                refused.add(login);
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException("Not students of course " + exam.getCourseId() + ": "
                    + String.join(", ", refused));
        }
        Set<Long> already = new HashSet<>(registrations.registeredAmong(examId, studentIds));
        Instant now = clock.instant();
        List<ExamRegistration> fresh = studentIds.stream()
                .filter(id -> !already.contains(id))
                .map(id -> new ExamRegistration(examId, id, now))
                .toList();
        registrations.saveAll(fresh);
        return new RegistrationResult(fresh.size(), already.size());
    }

    /**
     * Takes a student off the exam until they start it; their generated student exam goes with the registration.
     * Once started, their work is the exam's and the registration stays (409). Their live view of the exam ends on
     * every node after the commit.
     */
    @Transactional
    void unregister(long examId, String login, CurrentUser user) {
        access.require(examId, user, CourseRole.INSTRUCTOR);
        UserSummary student = users.find(login).filter(summary -> registrations.existsByExamIdAndUserId(examId,
                summary.id())).orElseThrow(() -> new NotFoundException("registration of " + login + " for exam",
                examId));
        Optional<StudentExam> studentExam = studentExams.findByExamIdAndUserIdAndTestRun(examId, student.id(), false);
        if (studentExam.filter(StudentExam::isStarted).isPresent()) {
            throw new ConflictException(login + " has started exam " + examId + "; their work stays with the exam, "
                    + "so the registration cannot be removed.");
        }
        studentExam.ifPresent(studentExams::delete);
        registrations.deleteById(new ExamRegistration.Key(examId, student.id()));
        lastKnown.forget(examId, student.id());
        events.publishEvent(AccessNarrowed.of(login, "You are no longer registered for this exam"));
    }

    @Transactional(readOnly = true)
    Page<RegistrationView> registrationsOf(long examId, CurrentUser user, Pageable pageable) {
        access.require(examId, user, CourseRole.TUTOR);
        Page<ExamRegistration> page = registrations.findByExamIdOrderByRegisteredAtAscUserIdAsc(examId, pageable);
        List<Long> userIds = page.map(ExamRegistration::getUserId).toList();
        Map<Long, UserSummary> summaries = users.summariesOf(userIds);
        Map<Long, StudentExam> studentExamsByUser = studentExams
                .findByExamIdAndTestRunFalseAndUserIdIn(examId, userIds).stream()
                .collect(Collectors.toMap(StudentExam::getUserId, Function.identity()));
        return page.map(registration -> {
            UserSummary summary = summaries.get(registration.getUserId());
            StudentExam studentExam = studentExamsByUser.get(registration.getUserId());
            return new RegistrationView(registration.getUserId(), summary.login(), summary.name(),
                    registration.getRegisteredAt(), RegistrationView.Status.of(studentExam),
                    studentExam == null ? null : studentExam.getId());
        });
    }

    /** Creates an exam from code (the demo data) with the endpoint's checks; answers its id. */
    @Transactional
    public long createExam(long courseId, CurrentUser user, String title, Instant visibleDate, Instant startDate,
            Instant endDate, int workingTimeSeconds) {
        return create(courseId, user,
                ExamDefinition.of(title, visibleDate, startDate, endDate, workingTimeSeconds, null)).id();
    }

    /** Adds a mandatory exercise group from code, with the endpoint's checks; answers its id. */
    @Transactional
    public long addExerciseGroup(long examId, CurrentUser user, String title) {
        return addGroup(examId, user, title, true).id();
    }

    /** Adds an exercise (a variant) to a group from code, with the endpoint's checks; answers its id. */
    @Transactional
    public long addGroupExercise(long groupId, CurrentUser user, ExerciseType type, String title,
            String problemStatement, BigDecimal maxPoints) {
        return addExercise(groupId, user,
                new ExamExerciseDefinition(type, title, problemStatement, maxPoints, null, null)).id();
    }

    /** Registers students from code, with the endpoint's checks; answers how many were newly registered. */
    @Transactional
    public int registerStudents(long examId, CurrentUser user, List<String> logins) {
        return register(examId, user, logins).registered();
    }

    /** The course the exam belongs to, if the exam exists (e.g. to decide who may follow it live). */
    @Transactional(readOnly = true)
    public Optional<Long> courseOf(long examId) {
        return exams.findById(examId).map(Exam::getCourseId);
    }

    /** True if the user is registered for the exam. */
    @Transactional(readOnly = true)
    public boolean isRegistered(long examId, long userId) {
        return registrations.existsByExamIdAndUserId(examId, userId);
    }
}
