package org.lectern.node.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of students sharing one participation in a team exercise, set up and owned by a tutor. */
@Entity
@Table(name = "teams")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exercise_id", nullable = false)
    private long exerciseId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Team() {
    }

    Team(long exerciseId, String name, long ownerId, Instant createdAt) {
        this.exerciseId = exerciseId;
        this.name = name;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getExerciseId() {
        return exerciseId;
    }

    String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    long getOwnerId() {
        return ownerId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
