package org.lectern.node.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResultRepository extends JpaRepository<Result, Long> {

    Optional<Result> findByParticipationIdAndAssessmentType(long participationId, AssessmentType assessmentType);

    List<Result> findByParticipationId(long participationId);

    List<Result> findByParticipationIdIn(Collection<Long> participationIds);
}
