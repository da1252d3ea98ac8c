package org.lectern.node.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExerciseGroupRepository extends JpaRepository<ExerciseGroup, Long> {

    List<ExerciseGroup> findByExamIdOrderByPositionAsc(long examId);

    @Query("select coalesce(max(g.position), 0) from ExerciseGroup g where g.examId = :examId")
    int lastPosition(long examId);

    /**
     * Every exercise of the exam's groups with its group, in one query. Reads the exercise feature's table; writes
     * to it go through {@code ExerciseCatalog}.
     */
    @Query("""
            select new org.lectern.node.exam.GroupExercise(g.id, g.position, e.id)
            from ExerciseGroup g, org.lectern.node.exercise.Exercise e
            where e.exerciseGroupId = g.id and g.examId = :examId order by g.position, e.id""")
    List<GroupExercise> exercisesOf(long examId);
}
