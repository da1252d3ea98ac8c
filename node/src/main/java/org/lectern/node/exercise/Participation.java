package org.lectern.node.exercise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One student's, or one team's, work on one exercise. */
@Entity
@Table(name = "participations")
public class Participation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exercise_id", nullable = false)
    private long exerciseId;

    @Column(name = "student_id")
    private Long studentId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "test_run", nullable = false)
    private boolean testRun;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "initialized_at", nullable = false)
    private Instant initializedAt;

    protected Participation() {
    }

    private Participation(long exerciseId, Long studentId, Long teamId, boolean testRun, Instant initializedAt) {
        this.exerciseId = exerciseId;
        this.studentId = studentId;
        this.teamId = teamId;
        this.testRun = testRun;
        this.attempt = 1;
        this.initializedAt = initializedAt;
    }

    static Participation ofStudent(long exerciseId, long studentId, boolean testRun, Instant now) {
        return new Participation(exerciseId, studentId, null, testRun, now);
    }

    static Participation ofTeam(long exerciseId, long teamId, Instant now) {
        return new Participation(exerciseId, null, teamId, false, now);
    }

    public Long getId() {
        return id;
    }

    public long getExerciseId() {
        return exerciseId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public boolean isTestRun() {
        return testRun;
    }

    public Instant getInitializedAt() {
        return initializedAt;
    }
}
