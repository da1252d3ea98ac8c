package org.lectern.node.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lectern.node.user.CurrentUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams of team exercises: tutors set them up, students see their own. */
@RestController
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @PostMapping("/api/exercises/{exerciseId}/teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView create(@PathVariable long exerciseId, @Valid @RequestBody TeamRequest request, CurrentUser caller) {
        return teams.create(exerciseId, request.name(), request.memberLogins(), caller);
    }

    @GetMapping("/api/exercises/{exerciseId}/teams")
    PagedModel<TeamView> ofExercise(@PathVariable long exerciseId, @PageableDefault(size = 50) Pageable pageable,
            CurrentUser caller) {
        return new PagedModel<>(teams.ofExercise(exerciseId, caller, pageable));
    }

    @GetMapping("/api/exercises/{exerciseId}/teams/mine")
    TeamView mine(@PathVariable long exerciseId, CurrentUser caller) {
        return teams.mine(exerciseId, caller);
    }

    @PutMapping("/api/teams/{teamId}")
    TeamView update(@PathVariable long teamId, @Valid @RequestBody TeamRequest request, CurrentUser caller) {
        return teams.update(teamId, request.name(), request.memberLogins(), caller);
    }

    @DeleteMapping("/api/teams/{teamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long teamId, CurrentUser caller) {
        teams.delete(teamId, caller);
    }

    record TeamRequest(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 50) String> memberLogins) {
    }
}
