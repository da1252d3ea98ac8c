package org.lectern.node.exam;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ExamRepository extends JpaRepository<Exam, Long> {

    Page<Exam> findByCourseIdOrderByStartDateAscIdAsc(long courseId, Pageable pageable);

    /** The exams of the course that this student may see: visible already, and they are registered. */
    @Query("""
            select e from Exam e where e.courseId = :courseId and e.visibleDate <= :now
            and exists (select r from ExamRegistration r where r.examId = e.id and r.userId = :userId)
            order by e.startDate, e.id""")
    Page<Exam> findVisibleForStudent(long courseId, long userId, Instant now, Pageable pageable);

    /** Locks the exam row, so that two generations (on any node) run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Exam e where e.id = :id")
    Optional<Exam> lockById(long id);
}
