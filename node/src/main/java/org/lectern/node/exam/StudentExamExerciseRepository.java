package org.lectern.node.exam;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lectern.node.exercise.Exercise;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StudentExamExerciseRepository extends JpaRepository<StudentExamExercise, StudentExamExercise.Key> {

    List<StudentExamExercise> findByStudentExamIdOrderByPositionAsc(long studentExamId);

    List<StudentExamExercise> findByStudentExamIdInOrderByStudentExamIdAscPositionAsc(Collection<Long> studentExamIds);

    /** The exercise if it is one of the student exam's: a save's check and read of its exercise in one query. */
    @Query("select e from Exercise e, StudentExamExercise s"
            + " where s.studentExamId = :studentExamId and s.exerciseId = :exerciseId and e.id = s.exerciseId")
    Optional<Exercise> exerciseOf(long studentExamId, long exerciseId);
}
