package org.lectern.node.exam;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudentExamExerciseRepository extends JpaRepository<StudentExamExercise, StudentExamExercise.Key> {

    List<StudentExamExercise> findByStudentExamIdOrderByPositionAsc(long studentExamId);

    List<StudentExamExercise> findByStudentExamIdInOrderByStudentExamIdAscPositionAsc(Collection<Long> studentExamIds);

    boolean existsByStudentExamIdAndExerciseId(long studentExamId, long exerciseId);
}
