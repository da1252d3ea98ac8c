package org.lectern.node.team;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamMemberRepository extends JpaRepository<TeamMember, TeamMember.Key> {

    Optional<TeamMember> findByExerciseIdAndKeyUserId(long exerciseId, long userId);
}
