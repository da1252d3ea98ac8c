package org.lectern.node.exam;

import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.node.cluster.LastKnownRecords;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.Participation;
import org.lectern.node.transaction.AfterTransaction;
import org.springframework.stereotype.Component;

/**
 * What a node must know to take a student's exam save while the database is unreachable: the student exam's state
 * and, per exercise they saved to, its type and participation. Remembered in the cluster by every save that had the
 * database; a change that makes the rules stricter is written before its transaction commits, so a record is never
 * more permissive than the database: the hand-in (under the record's lock, see {@link #handingIn}), and working-time
 * or exam changes, which forget the records (the next save with the database remembers them anew).
 */
@Component
class StudentExamRecords {

    private final LastKnownRecords records;

    StudentExamRecords(LastKnownRecords records) {
        this.records = records;
    }

    /** After a save with the database, under the student exam's row lock: its state as read there. */
    void rememberSave(Exam exam, StudentExam studentExam, Exercise exercise, Participation participation) {
        records.remember(LastKnownRecords.STUDENT_EXAMS, key(exam.getId(), studentExam.getUserId()),
                StudentExamRecord.of(exam, studentExam));
        records.remember(LastKnownRecords.STUDENT_EXAM_EXERCISES,
                key(exam.getId(), studentExam.getUserId()) + ":" + exercise.getId(),
                new ExamExerciseSlot(exercise.getType(), participation.getId()));
    }

    Optional<StudentExamRecord> studentExam(long examId, long userId) {
        return records.get(LastKnownRecords.STUDENT_EXAMS, key(examId, userId), StudentExamRecord.class);
    }

    Optional<ExamExerciseSlot> exercise(long examId, long userId, long exerciseId) {
        return records.get(LastKnownRecords.STUDENT_EXAM_EXERCISES, key(examId, userId) + ":" + exerciseId,
                ExamExerciseSlot.class);
    }

    /**
     * Runs a save from the records holding the student exam's record lock: the hand-in marks the record under the
     * same lock, so a save from the records is either wholly before the mark (and the hand-in's commit) or sees it.
     */
    <T> T whileLocked(long examId, long userId, Supplier<T> save) {
        return records.whileLocked(LastKnownRecords.STUDENT_EXAMS, key(examId, userId), save);
    }

    /**
     * A hand-in in the running transaction, under the student exam's row lock: marked {@code COMMITTING} now (saves
     * from the records then answer 503: nobody knows yet), {@code DONE} once committed, back to {@code NONE} if it
     * rolled back. Waits for a save from the records that holds the lock to finish.
     */
    void handingIn(long examId, long userId) {
        String key = key(examId, userId);
        if (!mark(key, StudentExamRecord.HandIn.NONE, StudentExamRecord.HandIn.COMMITTING)) {
            return; // never remembered: no save can be taken from a record that does not exist
        }
        AfterTransaction.afterCompletion(committed -> mark(key, StudentExamRecord.HandIn.COMMITTING,
                committed ? StudentExamRecord.HandIn.DONE : StudentExamRecord.HandIn.NONE));
    }

    /** A change of one student's working time in the running transaction: forgotten before and after the commit. */
    void forget(long examId, long userId) {
        forgetAround(() -> records.remove(LastKnownRecords.STUDENT_EXAMS, key(examId, userId)));
    }

    /** A change of the exam's rules (working time, grace, visibility): every student's record forgotten. */
    void forgetExam(long examId) {
        forgetAround(() -> records.removeAll(LastKnownRecords.STUDENT_EXAMS, examId + ":"));
    }

    private boolean mark(String key, StudentExamRecord.HandIn from, StudentExamRecord.HandIn to) {
        return records.whileLocked(LastKnownRecords.STUDENT_EXAMS, key, () -> {
            Optional<StudentExamRecord> known = records.get(LastKnownRecords.STUDENT_EXAMS, key,
                    StudentExamRecord.class);
            if (known.isEmpty()) {
                return false;
            }
            if (known.get().handIn() == from) {
                records.put(LastKnownRecords.STUDENT_EXAMS, key, known.get().with(to));
            }
            return true;
        });
    }

    /**
     * Now, so no save during an outage is taken on the old rules; and after the transaction, over a save with the
     * database that read the old rules before the commit and remembered them meanwhile.
     */
    private static void forgetAround(Runnable forget) {
        forget.run();
        AfterTransaction.afterCompletion(committed -> forget.run());
    }

    private static String key(long examId, long userId) {
        return examId + ":" + userId;
    }
}
