package org.lectern.node.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExamAnnouncementRepository extends JpaRepository<ExamAnnouncement, Long> {

    List<ExamAnnouncement> findByExamIdOrderByCreatedAtAscIdAsc(long examId);
}
