package org.lectern.node.team;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

    Page<Team> findByExerciseIdOrderByIdAsc(long exerciseId, Pageable pageable);

    boolean existsByExerciseIdAndName(long exerciseId, String name);

    boolean existsByExerciseIdAndNameAndIdNot(long exerciseId, String name, long id);
}
