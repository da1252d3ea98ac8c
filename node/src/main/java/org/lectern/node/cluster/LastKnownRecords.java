package org.lectern.node.cluster;

import java.io.Serializable;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Small facts the nodes remember in the cluster as the database last told them (a caller's account, a running
 * quiz, a student exam's state), so that live saves can be answered while the database is unreachable. Every node
 * reads what any node wrote; each map has one synchronous backup, so a member's death loses none. The database
 * stays the truth: features write here what they read or changed there, and answer from here only without it.
 */
public interface LastKnownRecords {

    /** Login to the caller's account as last read. Node-internal, like every name here: the console reads none. */
    String USERS = "lectern.last-known.users";

    /** Course and user to the user's role in the course. */
    String COURSE_ROLES = "lectern.last-known.course-roles";

    /** Quiz id to the started quiz's definition. */
    String QUIZZES = "lectern.last-known.quizzes";

    /** Quiz and student to the student's participation. */
    String QUIZ_PARTICIPANTS = "lectern.last-known.quiz-participants";

    /** Exam and student to the state of the student's exam. */
    String STUDENT_EXAMS = "lectern.last-known.student-exams";

    /** Exam, student and exercise to the exercise's type and the student's participation. */
    String STUDENT_EXAM_EXERCISES = "lectern.last-known.student-exam-exercises";

    /** Every map above matches it; their configuration is one. */
    String ALL = "lectern.last-known.*";

    <V extends Serializable> Optional<V> get(String map, String key, Class<V> type);

    void put(String map, String key, Serializable value);

    /**
     * {@link #put}, skipped when this node wrote an equal value within the last hour: paths that record what they
     * read on every request cost the cluster a write only when something changed (and once an hour, so that the
     * record outlives the maps' idle expiry).
     */
    void remember(String map, String key, Serializable value);

    void remove(String map, String key);

    /** Removes every record whose key starts with {@code keyPrefix} (all of one exam's, say): a cluster-wide query. */
    void removeAll(String map, String keyPrefix);

    /**
     * Runs {@code action} holding the cluster-wide lock of the key, which every other holder's action and every
     * {@link #put} or {@link #remove} of the key waits for. A lock whose holder dies is released with its member.
     */
    <T> T whileLocked(String map, String key, Supplier<T> action);
}
