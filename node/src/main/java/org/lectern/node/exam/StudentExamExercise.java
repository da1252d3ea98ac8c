package org.lectern.node.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The exercise drawn for a student exam from one group, at the group's place. Written in batches by JDBC. */
@Entity
@Table(name = "student_exam_exercises")
@IdClass(StudentExamExercise.Key.class)
class StudentExamExercise {

    @Id
    @Column(name = "student_exam_id")
    private long studentExamId;

    @Id
    @Column(name = "exercise_id")
    private long exerciseId;

    @Column(nullable = false)
    private int position;

    protected StudentExamExercise() {
    }

    long getStudentExamId() {
        return studentExamId;
    }

    long getExerciseId() {
        return exerciseId;
    }

    int getPosition() {
        return position;
    }

    record Key(long studentExamId, long exerciseId) implements Serializable {

        Key() {
            this(0, 0);
        }
    }
}
