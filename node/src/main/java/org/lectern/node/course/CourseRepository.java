package org.lectern.node.course;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseRepository extends JpaRepository<Course, Long> {

    Optional<Course> findByShortName(String shortName);

    @Query("""
            select m from CourseMembership m join fetch m.course c
            where m.key.userId = :userId
            order by c.title""")
    List<CourseMembership> findMembershipsOfUser(long userId);
}
