package org.lectern.node.team;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.messaging.AccessNarrowed;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tutors set up the teams of a team exercise. A student is in at most one team per exercise; the database's
 * unique key settles two tutors racing to place the same student. Once a team has saved work, its membership is
 * frozen (renaming stays allowed) and it can no longer be deleted, so that nobody loses or gains access to work
 * after the fact.
 */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final TeamMembershipDirectory directory;
    private final ExerciseCatalog exercises;
    private final ParticipationService participations;
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final CourseService courses;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamService(TeamRepository teams, TeamMemberRepository members, TeamMembershipDirectory directory,
            ExerciseCatalog exercises, ParticipationService participations, SubmissionService submissions,
            CourseAccess access, CourseService courses, UserDirectory users, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.teams = teams;
        this.members = members;
        this.directory = directory;
        this.exercises = exercises;
        this.participations = participations;
        this.submissions = submissions;
        this.access = access;
        this.courses = courses;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    TeamView create(long exerciseId, String name, List<String> memberLogins, CurrentUser caller) {
        Exercise exercise = teamExercise(exerciseId, caller, CourseRole.TUTOR);
        List<UserSummary> students = studentsOf(exercise, memberLogins);
        if (teams.existsByExerciseIdAndName(exerciseId, name)) {
            throw new ConflictException("Exercise " + exerciseId + " has a team named '" + name + "' already.");
        }
        requireInNoOtherTeam(exercise, students, null);
        Team team = teams.saveAndFlush(new Team(exerciseId, name, caller.id(), clock.instant()));
        addMembers(team, students.stream().map(UserSummary::id).toList());
        return views(List.of(team)).get(0);
    }

    /** Creates a team from code (the demo data), with the endpoint's checks; answers its id. */
    @Transactional
    public long createTeam(long exerciseId, String name, List<String> memberLogins, CurrentUser caller) {
        return create(exerciseId, name, memberLogins, caller).id();
    }

    @Transactional(readOnly = true)
    Page<TeamView> ofExercise(long exerciseId, CurrentUser caller, Pageable pageable) {
        teamExercise(exerciseId, caller, CourseRole.TUTOR);
        Page<Team> page = teams.findByExerciseIdOrderByIdAsc(exerciseId, pageable);
        return new PageImpl<>(views(page.getContent()), pageable, page.getTotalElements());
    }

    @Transactional(readOnly = true)
    TeamView mine(long exerciseId, CurrentUser caller) {
        teamExercise(exerciseId, caller, CourseRole.STUDENT);
        Team team = directory.teamOf(exerciseId, caller.id()).flatMap(teams::findById)
                .orElseThrow(() -> new NotFoundException("team of yours in exercise", exerciseId));
        return views(List.of(team)).get(0);
    }

    @Transactional
    TeamView update(long teamId, String name, List<String> memberLogins, CurrentUser caller) {
        Team team = ownedTeam(teamId, caller);
        Exercise exercise = exercises.get(team.getExerciseId());
        List<UserSummary> students = studentsOf(exercise, memberLogins);
        if (teams.existsByExerciseIdAndNameAndIdNot(exercise.getId(), name, teamId)) {
            throw new ConflictException("Exercise " + exercise.getId() + " has a team named '" + name + "' already.");
        }
        List<TeamMember> current = members.findByKeyTeamId(teamId);
        Set<Long> currentIds = current.stream().map(TeamMember::getUserId).collect(Collectors.toSet());
        Set<Long> wantedIds = students.stream().map(UserSummary::id).collect(Collectors.toSet());
        if (!currentIds.equals(wantedIds)) {
            if (hasSubmissions(exercise, currentIds)) {
                throw new ConflictException("Team '" + team.getName() + "' has saved work; its members can no"
                        + " longer change (renaming is still allowed).");
            }
            requireInNoOtherTeam(exercise, students, teamId);
            // Removals are flushed before the additions, so the one-team-per-exercise key never sees both.
            List<TeamMember> removed = current.stream().filter(m -> !wantedIds.contains(m.getUserId())).toList();
            members.deleteAll(removed);
            members.flush();
            leftTeam(removed, "You were removed from the team");
            addMembers(team, wantedIds.stream().filter(id -> !currentIds.contains(id)).toList());
        }
        team.rename(name);
        teams.flush();
        return views(List.of(team)).get(0);
    }

    @Transactional
    void delete(long teamId, CurrentUser caller) {
        Team team = ownedTeam(teamId, caller);
        Exercise exercise = exercises.get(team.getExerciseId());
        List<TeamMember> current = members.findByKeyTeamId(teamId);
        if (hasSubmissions(exercise, current.stream().map(TeamMember::getUserId).toList())) {
            throw new ConflictException("Team '" + team.getName() + "' has saved work and cannot be deleted:"
                    + " the work would go with it.");
        }
        members.deleteAll(current);
        teams.delete(team);
        leftTeam(current, "Your team was deleted");
    }

    /** Former members may no longer follow the team live: their subscriptions are checked again after the commit. */
    private void leftTeam(List<TeamMember> former, String reason) {
        if (!former.isEmpty()) {
            Set<String> logins = users.summariesOf(former.stream().map(TeamMember::getUserId).toList()).values()
                    .stream().map(UserSummary::login).collect(Collectors.toSet());
            events.publishEvent(new AccessNarrowed(logins, reason));
        }
    }

    /** The exercise, if the caller has at least {@code minimum} in its course and it is a team exercise. */
    private Exercise teamExercise(long exerciseId, CurrentUser caller, CourseRole minimum) {
        Exercise exercise = exercises.get(exerciseId);
        access.require(exercise.getCourseId(), caller, minimum);
        if (exercise.getMode() != ExerciseMode.TEAM) {
            throw new InvalidRequestException("Exercise " + exerciseId + " is not a team exercise.");
        }
        return exercise;
    }

    /** The team, if the caller owns it as a tutor or is an instructor of its course. */
    private Team ownedTeam(long teamId, CurrentUser caller) {
        Team team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("team", teamId));
        Exercise exercise = exercises.get(team.getExerciseId());
        CourseRole role = access.require(exercise.getCourseId(), caller, CourseRole.TUTOR);
        if (role == CourseRole.TUTOR && team.getOwnerId() != caller.id()) {
            throw new AccessDeniedException("Only the tutor who owns team " + teamId + " or an instructor may change it");
        }
        return team;
    }

    /** The users behind these logins, all of whom must be students of the exercise's course. */
    private List<UserSummary> studentsOf(Exercise exercise, List<String> logins) {
        List<UserSummary> students = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        for (String login : new LinkedHashSet<>(logins)) {
            Optional<UserSummary> user = users.find(login).filter(u ->
                    courses.roleOf(exercise.getCourseId(), u.id()).filter(r -> r == CourseRole.STUDENT).isPresent());
            user.ifPresentOrElse(students::add, () -> offenders.add(login));
        }
        if (!offenders.isEmpty()) {
            throw new InvalidRequestException("Not students of course " + exercise.getCourseId() + ": "
                    + String.join(", ", offenders));
        }
        return students;
    }

    private void requireInNoOtherTeam(Exercise exercise, List<UserSummary> students, Long teamId) {
        List<String> taken = students.stream()
                .filter(s -> directory.teamOf(exercise.getId(), s.id()).filter(t -> !t.equals(teamId)).isPresent())
                .map(UserSummary::login)
                .toList();
        if (!taken.isEmpty()) {
            throw new ConflictException("Already in another team of exercise " + exercise.getId() + ": "
                    + String.join(", ", taken));
        }
    }

    private void addMembers(Team team, Collection<Long> userIds) {
        members.saveAllAndFlush(userIds.stream()
                .map(userId -> new TeamMember(team.getId(), team.getExerciseId(), userId))
                .toList());
    }

    /** Whether the team has saved work; any member leads to the team's participation. */
    private boolean hasSubmissions(Exercise exercise, Collection<Long> memberIds) {
        return memberIds.stream().findFirst()
                .flatMap(memberId -> participations.existingParticipation(exercise, memberId, false))
                .flatMap(participation -> submissions.latest(participation.getId()))
                .isPresent();
    }

    private List<TeamView> views(List<Team> page) {
        Map<Long, List<Long>> memberIds = members.findByKeyTeamIdIn(page.stream().map(Team::getId).toList())
                .stream()
                .collect(Collectors.groupingBy(TeamMember::getTeamId,
                        Collectors.mapping(TeamMember::getUserId, Collectors.toList())));
        Set<Long> userIds = Stream.concat(page.stream().map(Team::getOwnerId),
                memberIds.values().stream().flatMap(List::stream)).collect(Collectors.toSet());
        Map<Long, UserSummary> people = users.summariesOf(userIds);
        return page.stream().map(team -> new TeamView(team.getId(), team.getExerciseId(), team.getName(),
                        Optional.ofNullable(people.get(team.getOwnerId())).map(UserSummary::login).orElse(null),
                        memberIds.getOrDefault(team.getId(), List.of()).stream()
                                .map(people::get)
                                .sorted(Comparator.comparing(UserSummary::login))
                                .map(u -> new TeamView.Member(u.login(), u.name()))
                                .toList(),
                        team.getCreatedAt()))
                .toList();
    }
}
