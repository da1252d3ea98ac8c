package org.lectern.node.exam;

import java.time.Clock;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with an exam: its course's roles (via {@link CourseAccess}), and for students also the exam's
 * visibility and their registration.
 */
@Component
class ExamAccess {

    private final ExamRepository exams;
    private final ExamRegistrationRepository registrations;
    private final CourseAccess courseAccess;
    private final Clock clock;

    ExamAccess(ExamRepository exams, ExamRegistrationRepository registrations, CourseAccess courseAccess,
            Clock clock) {
        this.exams = exams;
        this.registrations = registrations;
        this.courseAccess = courseAccess;
        this.clock = clock;
    }

    /** The exam, if the user has at least this role in its course: 404 for an unknown exam, 403 otherwise. */
    @Transactional(readOnly = true)
    Exam require(long examId, CurrentUser user, CourseRole minimum) {
        Exam exam = exams.findById(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        courseAccess.require(exam.getCourseId(), user, minimum);
        return exam;
    }

    /**
     * The exam for anyone who may see it: staff of its course always; a student only once it is visible (before,
     * 404, as if it did not exist yet) and only if registered (403).
     */
    @Transactional(readOnly = true)
    Exam requireViewer(long examId, CurrentUser user) {
        Exam exam = exams.findById(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        CourseRole role = courseAccess.require(exam.getCourseId(), user, CourseRole.STUDENT);
        if (role.isAtLeast(CourseRole.TUTOR)) {
            return exam;
        }
        return requireRegisteredAndVisible(exam, user);
    }

    /**
     * The exam for a participant: a student of its course who is registered, once it is visible. Staff take part
     * only through test runs.
     */
    @Transactional(readOnly = true)
    Exam requireParticipant(long examId, CurrentUser user) {
        Exam exam = exams.findById(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        courseAccess.require(exam.getCourseId(), user, CourseRole.STUDENT);
        return requireRegisteredAndVisible(exam, user);
    }

    private Exam requireRegisteredAndVisible(Exam exam, CurrentUser user) {
        if (!exam.isVisibleAt(clock.instant())) {
            throw new NotFoundException("exam", exam.getId());
        }
        if (!registrations.existsByExamIdAndUserId(exam.getId(), user.id())) {
            throw new AccessDeniedException("You are not registered for exam " + exam.getId());
        }
        return exam;
    }
}
