package org.lectern.node.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.lectern.node.scheduling.ScheduledTaskHandler;
import org.lectern.node.scheduling.ScheduledTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a student exam in automatically when its student's time is over (individual end plus grace period), if the
 * student did not: the {@code exam.hand-in} task, one per started student exam. Scheduled when the student starts,
 * moved whenever their working time or the exam's grace period changes, withdrawn when they hand in themselves.
 */
@Component
class ExamHandIn implements ScheduledTaskHandler {

    /** The task kind; its subject is the student exam id. */
    static final String KIND = "exam.hand-in";

    private static final Logger LOG = LoggerFactory.getLogger(ExamHandIn.class);

    private final StudentExamRepository studentExams;
    private final ScheduledTasks tasks;
    private final Clock clock;

    ExamHandIn(StudentExamRepository studentExams, ScheduledTasks tasks, Clock clock) {
        this.studentExams = studentExams;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Runs in the scheduler's transaction; the row lock makes a student's own last-second hand-in and this take turns. */
    @Override
    public void run(String subject) {
        studentExams.lockById(Long.parseLong(subject))
                .filter(studentExam -> studentExam.isStarted() && !studentExam.isSubmitted())
                .ifPresent(studentExam -> {
                    studentExam.handIn(clock.instant());
                    LOG.info("Student exam {} of exam {} handed in automatically", studentExam.getId(),
                            studentExam.getExamId());
                });
    }

    /** (Re)schedules the automatic hand-in of a started student exam that is not handed in. */
    void schedule(StudentExam studentExam, Exam exam) {
        scheduleAt(studentExam, studentExam.getWorkingTimeSeconds(), exam.getGracePeriodSeconds());
    }

    /** Moves the hand-ins of these student exams to their start plus {@code workingTimeSeconds} plus the grace. */
    void reschedule(Collection<StudentExam> affected, int workingTimeSeconds, int gracePeriodSeconds) {
        affected.forEach(studentExam -> scheduleAt(studentExam, workingTimeSeconds, gracePeriodSeconds));
    }

    void withdraw(StudentExam studentExam) {
        tasks.cancel(KIND, Long.toString(studentExam.getId()));
    }

    private void scheduleAt(StudentExam studentExam, int workingTimeSeconds, int gracePeriodSeconds) {
        if (!studentExam.isStarted() || studentExam.isSubmitted()) {
            return;
        }
        Instant closes = new ExamWindow(studentExam.getStartedAt(), workingTimeSeconds, gracePeriodSeconds)
                .closesAt();
        tasks.schedule(KIND, Long.toString(studentExam.getId()), closes);
    }
}
