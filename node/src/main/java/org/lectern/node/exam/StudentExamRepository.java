package org.lectern.node.exam;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StudentExamRepository extends JpaRepository<StudentExam, Long> {

    Optional<StudentExam> findByExamIdAndUserIdAndTestRun(long examId, long userId, boolean testRun);

    /** Locks a participant's student exam (exam, user and test run are unique), as {@link #lockById}: one query. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StudentExam s where s.examId = :examId and s.userId = :userId and s.testRun = :testRun")
    Optional<StudentExam> lockOwn(long examId, long userId, boolean testRun);

    /** Locks one student exam, so that a save and the hand-in of the same student take turns, on any node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StudentExam s where s.id = :id")
    Optional<StudentExam> lockById(long id);

    Page<StudentExam> findByExamIdAndTestRunFalseOrderByIdAsc(long examId, Pageable pageable);

    List<StudentExam> findByExamIdAndTestRunFalseAndUserIdIn(long examId, Collection<Long> userIds);

    List<StudentExam> findByExamIdAndTestRunFalseAndSubmittedAtIsNull(long examId);

    /** The student exams of the exam that have no exercises drawn yet (new ones, right after their insert). */
    @Query("""
            select s.id from StudentExam s where s.examId = :examId and s.testRun = false
            and not exists (select x from StudentExamExercise x where x.studentExamId = s.id)""")
    List<Long> withoutExercises(long examId);

    long countByExamIdAndTestRunFalse(long examId);

    long countByExamIdAndTestRunFalseAndStartedAtIsNotNull(long examId);

    /** The three counts of the live figures in one read of the exam's student exams, not three. */
    @Query("""
            select new org.lectern.node.exam.StudentExamCounts(count(s), count(s.startedAt), count(s.submittedAt))
            from StudentExam s where s.examId = :examId and s.testRun = false""")
    StudentExamCounts countsOf(long examId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update StudentExam s set s.workingTimeSeconds = :seconds
            where s.examId = :examId and s.testRun = false and s.submittedAt is null""")
    int changeWorkingTimeOfUnsubmitted(long examId, int seconds);
}
