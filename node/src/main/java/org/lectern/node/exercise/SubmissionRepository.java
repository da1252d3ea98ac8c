package org.lectern.node.exercise;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    Optional<Submission> findByParticipationIdAndIdempotencyKey(long participationId, String idempotencyKey);

    Optional<Submission> findFirstByParticipationIdOrderByVersionDesc(long participationId);

    @Query("""
            select s from Submission s where s.participationId in :participationIds
            and s.version = (select max(t.version) from Submission t where t.participationId = s.participationId)""")
    List<Submission> findLatestOf(Collection<Long> participationIds);

    @Query("select coalesce(max(s.version), 0) from Submission s where s.participationId = :participationId")
    int latestVersion(long participationId);

    long countByParticipationId(long participationId);

    @Query("""
            select count(s) > 0 from Submission s
            where s.participationId in (select p.id from Participation p where p.exerciseId = :exerciseId)""")
    boolean existsForExercise(long exerciseId);
}
