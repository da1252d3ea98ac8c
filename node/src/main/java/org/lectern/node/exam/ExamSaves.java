package org.lectern.node.exam;

import java.time.Clock;
import java.time.Instant;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.IdempotencyKey;
import org.lectern.node.exercise.SubmissionContent;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.DatabaseReachability;
import org.lectern.node.web.DatabaseUnavailable;
import org.lectern.node.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A participant's save of their work: with the database as {@link StudentExamService#save} decides it; while the
 * database is unreachable, from what the cluster last knew ({@link StudentExamRecords}), with the same checks in the
 * same order, so it refuses what the database would. What the records do not know is refused with 503, nothing
 * saved (docs/architecture.md, "database outage"). Test runs need the database.
 */
@Service
class ExamSaves {

    private final StudentExamService studentExams;
    private final StudentExamRecords records;
    private final CourseAccess courseAccess;
    private final SubmissionService submissions;
    private final DatabaseReachability database;
    private final ExamLiveService examLive;
    private final Clock clock;

    ExamSaves(StudentExamService studentExams, StudentExamRecords records, CourseAccess courseAccess,
            SubmissionService submissions, DatabaseReachability database, ExamLiveService examLive, Clock clock) {
        this.studentExams = studentExams;
        this.records = records;
        this.courseAccess = courseAccess;
        this.submissions = submissions;
        this.database = database;
        this.examLive = examLive;
        this.clock = clock;
    }

    SaveResult save(long examId, long exerciseId, CurrentUser user, boolean testRun, ExamAnswer answer,
            String idempotencyKey) {
        return database.fromDatabaseOr(
                () -> studentExams.save(examId, exerciseId, user, testRun, answer, idempotencyKey),
                unreachable -> {
                    if (testRun) {
                        throw DatabaseUnavailable.saveRefused(unreachable);
                    }
                    return saveAsLastKnown(examId, exerciseId, user, answer, idempotencyKey, unreachable);
                });
    }

    private SaveResult saveAsLastKnown(long examId, long exerciseId, CurrentUser user, ExamAnswer answer,
            String idempotencyKey, RuntimeException unreachable) {
        StudentExamRecord known = records.studentExam(examId, user.id())
                .orElseThrow(() -> DatabaseUnavailable.saveRefused(unreachable));
        courseAccess.requireAsLastKnown(known.courseId(), user, CourseRole.STUDENT,
                () -> DatabaseUnavailable.saveRefused(unreachable));
        if (clock.instant().isBefore(known.visibleDate())) {
            throw new NotFoundException("exam", examId);
        }
        // Only exercises of the student's exam are ever remembered: an unknown one may be theirs or not.
        ExamExerciseSlot slot = records.exercise(examId, user.id(), exerciseId)
                .orElseThrow(() -> DatabaseUnavailable.saveRefused(unreachable));
        SubmissionContent content = answer.contentFor(slot.type());
        IdempotencyKey.require(idempotencyKey);
        return records.whileLocked(examId, user.id(), () -> {
            // Read again under the lock: a hand-in marks the record under it.
            StudentExamRecord current = records.studentExam(examId, user.id())
                    .orElseThrow(() -> DatabaseUnavailable.saveRefused(unreachable));
            if (current.handIn() == StudentExamRecord.HandIn.COMMITTING) {
                throw DatabaseUnavailable.saveRefused(unreachable);
            }
            Instant now = clock.instant();
            StudentExamService.requireWorkAccepted(current.startedAt() != null,
                    current.handIn() == StudentExamRecord.HandIn.DONE, current.window(), now);
            try {
                SaveResult saved = SaveResult.of(submissions.saveLive(slot.participationId(), exerciseId, content,
                        idempotencyKey, false, user));
                examLive.counted(examId, saved);
                return saved;
            } catch (RuntimeException failure) {
                // The live map forgot the participation: its versions are in the database.
                if (DatabaseReachability.isUnreachable(failure)) {
                    throw DatabaseUnavailable.saveRefused(failure);
                }
                throw failure;
            }
        });
    }
}
