package org.lectern.node.team;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lectern.node.exercise.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team feature's door for the other features: who is in which team, and what a team is called. */
@Service
public class TeamMembershipDirectory implements TeamDirectory {

    private final TeamMemberRepository members;
    private final TeamRepository teams;

    TeamMembershipDirectory(TeamMemberRepository members, TeamRepository teams) {
        this.members = members;
        this.teams = teams;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> teamOf(long exerciseId, long userId) {
        return members.findByExerciseIdAndKeyUserId(exerciseId, userId).map(TeamMember::getTeamId);
    }

    /** The ids of the team's members, e.g. to notify each of them. */
    @Transactional(readOnly = true)
    public List<Long> memberIdsOf(long teamId) {
        return members.findByKeyTeamId(teamId).stream().map(TeamMember::getUserId).toList();
    }

    /** The names of those of these teams that exist, by team id. */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> teamIds) {
        return teams.findAllById(teamIds).stream().collect(Collectors.toMap(Team::getId, Team::getName));
    }

    /** The team exercise the team belongs to, if the team exists. */
    @Transactional(readOnly = true)
    public Optional<Long> exerciseOf(long teamId) {
        return teams.findById(teamId).map(Team::getExerciseId);
    }
}
