package org.lectern.node.course;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseMembershipRepository extends JpaRepository<CourseMembership, CourseMembership.Key> {
}
