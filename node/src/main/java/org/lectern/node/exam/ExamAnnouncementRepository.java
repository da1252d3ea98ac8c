package org.lectern.node.exam;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ExamAnnouncementRepository extends JpaRepository<ExamAnnouncement, Long> {

    List<ExamAnnouncement> findByExamIdOrderByCreatedAtAscIdAsc(long examId);

    /**
     * Locks one announcement, so that two instructors correcting or retracting it take turns (on any node) and
     * their events reach the students in the order of the commits.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ExamAnnouncement a where a.id = :id")
    Optional<ExamAnnouncement> lockById(long id);
}
