package org.lectern.node.course;

import java.util.List;
import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseMembershipRepository extends JpaRepository<CourseMembership, CourseMembership.Key> {

    @Query("select m.key.userId from CourseMembership m where m.key.courseId = :courseId")
    List<Long> userIdsOf(long courseId);
    @Query("select m from CourseMembership m where m.key.courseId = :courseId order by m.key.userId")
    Page<CourseMembership> findByCourse(long courseId, Pageable pageable);

    @Query("select m from CourseMembership m where m.key.courseId = :courseId and m.role = :role order by m.key.userId")
    Page<CourseMembership> findByCourseAndRole(long courseId, CourseRole role, Pageable pageable);

    @Query("select m from CourseMembership m where m.key.courseId = :courseId and m.key.userId in :userIds")
    List<CourseMembership> findByCourseAndUsers(long courseId, Collection<Long> userIds);
}
