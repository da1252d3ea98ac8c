package org.lectern.node.exam;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExamRegistrationRepository extends JpaRepository<ExamRegistration, ExamRegistration.Key> {

    boolean existsByExamIdAndUserId(long examId, long userId);

    Page<ExamRegistration> findByExamIdOrderByRegisteredAtAscUserIdAsc(long examId, Pageable pageable);

    @Query("select r.userId from ExamRegistration r where r.examId = :examId and r.userId in :userIds")
    List<Long> registeredAmong(long examId, Collection<Long> userIds);

    @Query("select r.userId from ExamRegistration r where r.examId = :examId")
    List<Long> userIdsOf(long examId);

    long countByExamId(long examId);
}
