package org.lectern.node.course;

import java.util.Optional;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may this user do that in this course?" (thesis table 4.1). Roles rank
 * STUDENT &lt; TUTOR &lt; INSTRUCTOR; an administrator counts as an instructor in every course.
 */
@Service
public class CourseAccess {

    private final CourseRepository courses;
    private final CourseMembershipRepository memberships;

    CourseAccess(CourseRepository courses, CourseMembershipRepository memberships) {
        this.courses = courses;
        this.memberships = memberships;
    }

    /** The user's role in the course, if any. */
    @Transactional(readOnly = true)
    public Optional<CourseRole> roleOf(long courseId, CurrentUser user) {
        if (user.admin()) {
            return Optional.of(CourseRole.INSTRUCTOR);
        }
        return memberships.findById(new CourseMembership.Key(courseId, user.id())).map(CourseMembership::getRole);
    }

    /**
     * Returns the user's role in the course if it is at least {@code minimum}.
     *
     * @throws NotFoundException     if there is no such course (404)
     * @throws AccessDeniedException if the user's role is lower or they are not in the course (403)
     */
    @Transactional(readOnly = true)
    public CourseRole require(long courseId, CurrentUser user, CourseRole minimum) {
        if (!courses.existsById(courseId)) {
            throw new NotFoundException("course", courseId);
        }
        CourseRole role = roleOf(courseId, user)
                .orElseThrow(() -> new AccessDeniedException("Not a member of course " + courseId));
        if (!role.isAtLeast(minimum)) {
            throw new AccessDeniedException("Course " + courseId + " needs the role " + minimum);
        }
        return role;
    }

    /** Whether the user is a tutor or more in any course (an administrator is everywhere): one indexed query. */
    @Transactional(readOnly = true)
    public boolean isStaffSomewhere(CurrentUser user) {
        return user.admin() || courses.findMembershipsOfUser(user.id()).stream()
                .anyMatch(membership -> membership.getRole().isAtLeast(CourseRole.TUTOR));
    }

    /** Like {@link #require}, for actions only students take (e.g. saving a quiz answer), not staff. */
    @Transactional(readOnly = true)
    public void requireStudent(long courseId, CurrentUser user) {
        if (require(courseId, user, CourseRole.STUDENT) != CourseRole.STUDENT) {
            throw new AccessDeniedException("Only students of course " + courseId + " do this");
        }
    }
}
