package org.lectern.node.exercise;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ExerciseRepository extends JpaRepository<Exercise, Long> {

    Page<Exercise> findByCourseIdAndExerciseGroupIdIsNullOrderByIdAsc(long courseId, Pageable pageable);

    @Query("""
            select e from Exercise e
            where e.courseId = :courseId and e.exerciseGroupId is null
              and (e.releaseDate is null or e.releaseDate <= :now)
            order by e.id""")
    Page<Exercise> findReleasedOfCourse(long courseId, Instant now, Pageable pageable);

    /** Claims a quiz's evaluation: only the one caller that flips the marker gets 1 back, on any node. */
    @Modifying
    @Query("update Exercise e set e.quizEvaluatedAt = :now where e.id = :id and e.quizEvaluatedAt is null")
    int claimQuizEvaluation(long id, Instant now);
}
