package org.lectern.node.quiz;

import static org.lectern.node.transaction.AfterTransaction.afterCommit;

import java.util.List;
import java.util.Optional;
import org.lectern.node.cluster.LastKnownRecords;
import org.lectern.node.exercise.Exercise;
import org.springframework.stereotype.Component;

/**
 * What a node must know to take a quiz answer while the database is unreachable: the started quiz and each
 * student's participation, remembered in the cluster whenever an answer is saved with the database, and when the
 * quiz starts or ends. Only ever as permissive as the database: a start is recorded once committed, an early end
 * before (and again after) its commit.
 */
@Component
class LiveQuizRecords {

    private final LastKnownRecords records;

    LiveQuizRecords(LastKnownRecords records) {
        this.records = records;
    }

    /** After an answer saved with the database: the quiz and the student's participation as read there. */
    void rememberAnswering(Exercise quiz, List<AnswerableQuestion> questions, long studentId, long participationId) {
        records.remember(LastKnownRecords.QUIZZES, Long.toString(quiz.getId()), recordOf(quiz, questions));
        records.remember(LastKnownRecords.QUIZ_PARTICIPANTS, participantKey(quiz.getId(), studentId),
                participationId);
    }

    /** A start in the running transaction: recorded once it is committed, as until then the quiz has not started. */
    void started(Exercise quiz, List<AnswerableQuestion> questions) {
        LiveQuizRecord started = recordOf(quiz, questions);
        afterCommit(() -> records.put(LastKnownRecords.QUIZZES, Long.toString(quiz.getId()), started));
    }

    /**
     * An early end in the running transaction: recorded at once, so no answer after it is taken from the record even
     * if the commit is the last thing the database does; and again after the commit, over any answer that read the
     * old duration meanwhile and remembered it.
     */
    void ended(Exercise quiz, List<AnswerableQuestion> questions) {
        LiveQuizRecord ended = recordOf(quiz, questions);
        records.put(LastKnownRecords.QUIZZES, Long.toString(quiz.getId()), ended);
        afterCommit(() -> records.put(LastKnownRecords.QUIZZES, Long.toString(quiz.getId()), ended));
    }

    Optional<LiveQuizRecord> quiz(long quizId) {
        return records.get(LastKnownRecords.QUIZZES, Long.toString(quizId), LiveQuizRecord.class);
    }

    Optional<Long> participation(long quizId, long studentId) {
        return records.get(LastKnownRecords.QUIZ_PARTICIPANTS, participantKey(quizId, studentId), Long.class);
    }

    private static LiveQuizRecord recordOf(Exercise quiz, List<AnswerableQuestion> questions) {
        return new LiveQuizRecord(quiz.getId(), quiz.getCourseId(), quiz.getQuizStartedAt(),
                quiz.getQuizDurationSeconds(), questions);
    }

    private static String participantKey(long quizId, long studentId) {
        return quizId + ":" + studentId;
    }
}
