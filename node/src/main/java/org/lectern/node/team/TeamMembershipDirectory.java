package org.lectern.node.team;

import java.util.Optional;
import org.lectern.node.exercise.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TeamMembershipDirectory implements TeamDirectory {

    private final TeamMemberRepository members;

    TeamMembershipDirectory(TeamMemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> teamOf(long exerciseId, long userId) {
        return members.findByExerciseIdAndKeyUserId(exerciseId, userId).map(TeamMember::getTeamId);
    }
}
