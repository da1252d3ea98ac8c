package org.lectern.node.team;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamMemberRepository extends JpaRepository<TeamMember, TeamMember.Key> {

    Optional<TeamMember> findByExerciseIdAndKeyUserId(long exerciseId, long userId);

    List<TeamMember> findByKeyTeamId(long teamId);

    List<TeamMember> findByKeyTeamIdIn(Collection<Long> teamIds);
}
