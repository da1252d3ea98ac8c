package org.lectern.node.quiz;

import jakarta.persistence.LockModeType;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface QuizQuestionRepository extends JpaRepository<QuizQuestion, Long> {

    @EntityGraph(attributePaths = "options")
    List<QuizQuestion> findByExerciseIdOrderByPositionAsc(long exerciseId);

    /**
     * Locks the quiz's question rows, so that starting, editing and deleting one quiz take turns on any node: a
     * quiz always has questions, so the lock is never on nothing.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from QuizQuestion q where q.exerciseId = :exerciseId order by q.position")
    List<QuizQuestion> lockByExerciseId(long exerciseId);
}
