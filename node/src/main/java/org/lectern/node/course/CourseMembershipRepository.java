package org.lectern.node.course;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseMembershipRepository extends JpaRepository<CourseMembership, CourseMembership.Key> {

    @Query("select m.key.userId from CourseMembership m where m.key.courseId = :courseId")
    List<Long> userIdsOf(long courseId);
}
