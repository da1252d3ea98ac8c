package org.lectern.node.team;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A student's place in a team; the exercise is repeated so the database allows one team per exercise. */
@Entity
@Table(name = "team_members")
class TeamMember {

    @EmbeddedId
    private Key key;

    @Column(name = "exercise_id", nullable = false)
    private long exerciseId;

    protected TeamMember() {
    }

    TeamMember(long teamId, long exerciseId, long userId) {
        this.key = new Key(teamId, userId);
        this.exerciseId = exerciseId;
    }

    long getTeamId() {
        return key.teamId();
    }

    long getUserId() {
        return key.userId();
    }

    long getExerciseId() {
        return exerciseId;
    }

    @Embeddable
    record Key(@Column(name = "team_id") Long teamId, @Column(name = "user_id") Long userId) implements Serializable {
    }
}
