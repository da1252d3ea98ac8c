package org.lectern.node.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lectern.node.cluster.ExamSaveCounts;
import org.lectern.node.course.CourseRole;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.transaction.AfterTransaction;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.exam.ExamAnnouncementChanged;
import org.lectern.shared.exam.ExamAnnouncementRetracted;
import org.lectern.shared.exam.ExamWorkingTimeChanged;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What instructors do while an exam runs: announcements, working-time changes, and the live figures. Students are
 * told through {@link NotificationService} once the change is committed, so nobody hears of one that rolled back.
 */
@Service
class ExamLiveService {

    static final String ANNOUNCEMENT_TITLE = "Exam announcement";
    static final String CORRECTED_TITLE = "Exam announcement corrected";
    static final String RETRACTED_TITLE = "Exam announcement retracted";
    static final String WORKING_TIME_TITLE = "Working time changed";

    private static final int FIGURE_MINUTES = 10;
    private static final int SLOTS_PER_MINUTE = (int) (60 / ExamSaveCounts.SLOT.toSeconds());
    /**
     * Live figures go to the exam's staff at most once per interval per exam from each node: a whole class saving
     * at once must not send the staff a message, nor count the students in the database, per save.
     */
    static final Duration FIGURES_INTERVAL = Duration.ofSeconds(2);

    private final ExamRepository exams;
    private final ExamRegistrationRepository registrations;
    private final ExamAnnouncementRepository announcements;
    private final StudentExamRepository studentExams;
    private final ExamSaveCounts saveCounts;
    private final ExamAccess access;
    private final NotificationService notifications;
    private final UserDirectory users;
    private final LiveEvents live;
    private final ExamHandIn automaticHandIn;
    private final StudentExamRecords lastKnown;
    private final Clock clock;

    ExamLiveService(ExamRepository exams, ExamRegistrationRepository registrations,
            ExamAnnouncementRepository announcements, StudentExamRepository studentExams,
            ExamSaveCounts saveCounts, ExamAccess access, NotificationService notifications, UserDirectory users,
            LiveEvents live, ExamHandIn automaticHandIn, StudentExamRecords lastKnown, Clock clock) {
        this.lastKnown = lastKnown;
        this.live = live;
        this.automaticHandIn = automaticHandIn;
        this.exams = exams;
        this.registrations = registrations;
        this.announcements = announcements;
        this.studentExams = studentExams;
        this.saveCounts = saveCounts;
        this.access = access;
        this.notifications = notifications;
        this.users = users;
        this.clock = clock;
    }

    /** Stores the announcement and pushes it to every registered student. */
    @Transactional
    AnnouncementView announce(long examId, CurrentUser user, String text) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        ExamAnnouncement announcement = announcements.save(
                new ExamAnnouncement(examId, text, user.id(), clock.instant()));
        List<Long> students = registrations.userIdsOf(examId);
        notifyStudents(students, ANNOUNCEMENT_TITLE, exam.getTitle() + ": " + text);
        live.publishAfterCommit(TopicRegistry.EXAM_STUDENTS.destination(examId),
                new org.lectern.shared.exam.ExamAnnouncement(examId, announcement.getId(), text,
                        announcement.getCreatedAt()));
        return AnnouncementView.of(announcement);
    }

    /**
     * Corrects the text of an announcement and pushes the corrected one to the students; like the announcement
     * itself, the correction also reaches them as a notification.
     */
    @Transactional
    AnnouncementView correct(long examId, long announcementId, CurrentUser user, String text) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        ExamAnnouncement announcement = announcementOf(examId, announcementId);
        announcement.correct(text, clock.instant());
        announcements.flush();
        notifyStudents(registrations.userIdsOf(examId), CORRECTED_TITLE, exam.getTitle() + ": " + text);
        live.publishAfterCommit(TopicRegistry.EXAM_STUDENTS.destination(examId), new ExamAnnouncementChanged(examId,
                announcementId, text, announcement.getCreatedAt(), announcement.getEditedAt()));
        return AnnouncementView.of(announcement);
    }

    /**
     * Deletes an announcement and tells the students to drop it; the notification quotes the retracted text, since
     * the one it retracts stays in their notification lists.
     */
    @Transactional
    void retract(long examId, long announcementId, CurrentUser user) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        ExamAnnouncement announcement = announcementOf(examId, announcementId);
        announcements.delete(announcement);
        notifyStudents(registrations.userIdsOf(examId), RETRACTED_TITLE,
                exam.getTitle() + ": " + announcement.getText());
        live.publishAfterCommit(TopicRegistry.EXAM_STUDENTS.destination(examId),
                new ExamAnnouncementRetracted(examId, announcementId));
    }

    /** The announcement, locked; one of another exam is as unknown as a missing one. */
    private ExamAnnouncement announcementOf(long examId, long announcementId) {
        return announcements.lockById(announcementId)
                .filter(found -> found.getExamId() == examId)
                .orElseThrow(() -> new NotFoundException("announcement", announcementId));
    }

    @Transactional(readOnly = true)
    List<AnnouncementView> announcementsOf(long examId, CurrentUser user) {
        access.requireViewer(examId, user);
        return announcements.findByExamIdOrderByCreatedAtAscIdAsc(examId).stream().map(AnnouncementView::of).toList();
    }

    /** Gives one student exam a new working time (an extension, usually) and tells its student. */
    @Transactional
    StudentExamSummary changeWorkingTime(long examId, long studentExamId, CurrentUser user, int seconds) {
        Exam exam = access.require(examId, user, CourseRole.INSTRUCTOR);
        StudentExam studentExam = studentExams.lockById(studentExamId)
                .filter(found -> found.getExamId() == examId)
                .orElseThrow(() -> new NotFoundException("student exam", studentExamId));
        if (studentExam.isSubmitted()) {
            throw new ConflictException("Student exam " + studentExamId + " has been handed in already.");
        }
        studentExam.setWorkingTimeSeconds(seconds);
        lastKnown.forget(examId, studentExam.getUserId());
        automaticHandIn.schedule(studentExam, exam);
        List<String> login = notifyStudents(List.of(studentExam.getUserId()), WORKING_TIME_TITLE,
                workingTimeText(exam, seconds));
        return new StudentExamSummary(studentExam.getId(), studentExam.getUserId(), login.get(0),
                studentExam.getWorkingTimeSeconds(), studentExam.getStartedAt(),
                ExamWindow.of(studentExam, exam).individualEnd().orElse(null), studentExam.getSubmittedAt(), List.of());
    }

    /**
     * Sets the working time of the exam and of every student exam not handed in yet (test runs keep theirs), and
     * tells those students. Answers how many student exams changed.
     */
    @Transactional
    int changeWorkingTimeForAll(long examId, CurrentUser user, int seconds) {
        access.require(examId, user, CourseRole.INSTRUCTOR);
        Exam exam = exams.lockById(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        exam.setWorkingTimeSeconds(seconds);
        List<StudentExam> unsubmitted = studentExams.findByExamIdAndTestRunFalseAndSubmittedAtIsNull(examId);
        List<Long> students = unsubmitted.stream().map(StudentExam::getUserId).toList();
        int changed = studentExams.changeWorkingTimeOfUnsubmitted(examId, seconds);
        lastKnown.forgetExam(examId);
        automaticHandIn.reschedule(unsubmitted, seconds, exam.getGracePeriodSeconds());
        notifyStudents(students, WORKING_TIME_TITLE, workingTimeText(exam, seconds));
        live.publishAfterCommit(TopicRegistry.EXAM_STUDENTS.destination(examId),
                new ExamWorkingTimeChanged(examId, seconds));
        return changed;
    }

    /**
     * Counts a save of the exam in its live figures once the running transaction commits (at once without one, as
     * a save while the database is away); a replay is the save counted already. Never called for test runs.
     */
    void counted(long examId, SaveResult saved) {
        if (!saved.replayed()) {
            AfterTransaction.afterCommit(() -> saveCounts.count(examId, saved.savedAt()));
        }
    }

    /** Counts at this moment. */
    @Transactional(readOnly = true)
    ExamFigures figures(long examId, CurrentUser user) {
        access.require(examId, user, CourseRole.TUTOR);
        return figuresOf(examId);
    }

    /**
     * The figures without an access check, for the push to the staff topic (authorized on subscription). Saves are
     * counted to the ten seconds: the last minute is the current slot and the five before it.
     */
    @Transactional(readOnly = true)
    ExamFigures figuresOf(long examId) {
        Instant now = clock.instant();
        long firstSlot = ExamSaveCounts.slotOf(now) - FIGURE_MINUTES * SLOTS_PER_MINUTE + 1;
        long[] perSlot = saveCounts.perSlot(examId, firstSlot, FIGURE_MINUTES * SLOTS_PER_MINUTE);
        List<ExamFigures.MinuteSaves> series = new ArrayList<>(FIGURE_MINUTES);
        for (int minute = 0; minute < FIGURE_MINUTES; minute++) {
            long saves = 0;
            for (int slot = minute * SLOTS_PER_MINUTE; slot < (minute + 1) * SLOTS_PER_MINUTE; slot++) {
                saves += perSlot[slot];
            }
            series.add(new ExamFigures.MinuteSaves(
                    ExamSaveCounts.startOf(firstSlot + (long) minute * SLOTS_PER_MINUTE), saves));
        }
        StudentExamCounts counts = studentExams.countsOf(examId);
        return new ExamFigures(now, registrations.countByExamId(examId), counts.generated(), counts.started(),
                counts.submitted(), series.get(FIGURE_MINUTES - 1).saves(), series);
    }

    private static String workingTimeText(Exam exam, int seconds) {
        return "Your working time in " + exam.getTitle() + " is now " + seconds + " seconds.";
    }

    /**
     * Notifies the students in this transaction: the notifications are stored with the change and pushed once it
     * commits ({@link NotificationService}); answers the logins they go to.
     */
    private List<String> notifyStudents(List<Long> userIds, String title, String text) {
        List<String> logins = users.summariesOf(userIds).values().stream().map(UserSummary::login).toList();
        logins.forEach(login -> notifications.notify(login, title, text));
        return logins;
    }
}
