package org.lectern.node.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A slot of an exam; each student gets exactly one of its exercises (its variants). */
@Entity
@Table(name = "exercise_groups")
class ExerciseGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exam_id", nullable = false)
    private long examId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean mandatory;

    protected ExerciseGroup() {
    }

    ExerciseGroup(long examId, String title, int position, boolean mandatory) {
        this.examId = examId;
        this.title = title;
        this.position = position;
        this.mandatory = mandatory;
    }

    void change(String title, boolean mandatory) {
        this.title = title;
        this.mandatory = mandatory;
    }

    Long getId() {
        return id;
    }

    long getExamId() {
        return examId;
    }

    String getTitle() {
        return title;
    }

    int getPosition() {
        return position;
    }

    boolean isMandatory() {
        return mandatory;
    }
}
