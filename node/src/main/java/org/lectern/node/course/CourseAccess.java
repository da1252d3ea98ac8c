package org.lectern.node.course;

import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.node.cluster.LastKnownRecords;
import org.lectern.node.transaction.AfterTransaction;
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
    private final LastKnownRecords records;

    CourseAccess(CourseRepository courses, CourseMembershipRepository memberships, LastKnownRecords records) {
        this.courses = courses;
        this.memberships = memberships;
        this.records = records;
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
        Optional<CourseRole> member = roleOf(courseId, user);
        // A membership exists only for a course that does (a foreign key, deleted with the course), so the course
        // is read only without one: a student's every request costs one query less (docs/performance.md).
        if ((member.isEmpty() || user.admin()) && !courses.existsById(courseId)) {
            throw new NotFoundException("course", courseId);
        }
        CourseRole role = member
                .orElseThrow(() -> new AccessDeniedException("Not a member of course " + courseId));
        if (!role.isAtLeast(minimum)) {
            throw new AccessDeniedException("Course " + courseId + " needs the role " + minimum);
        }
        if (!user.admin()) {
            records.remember(LastKnownRecords.COURSE_ROLES, key(courseId, user.id()), role);
        }
        return role;
    }

    /**
     * {@link #require} from the role last read, for a live save while the database is unreachable; 403 as there,
     * and {@code unknown} (a 503) for a role this cluster never read or forgot after a change.
     */
    public CourseRole requireAsLastKnown(long courseId, CurrentUser user, CourseRole minimum,
            Supplier<? extends RuntimeException> unknown) {
        CourseRole role = user.admin() ? CourseRole.INSTRUCTOR
                : records.get(LastKnownRecords.COURSE_ROLES, key(courseId, user.id()), CourseRole.class)
                        .orElseThrow(unknown);
        if (!role.isAtLeast(minimum)) {
            throw new AccessDeniedException("Course " + courseId + " needs the role " + minimum);
        }
        return role;
    }

    /** {@link #requireStudent} from the role last read, as {@link #requireAsLastKnown}. */
    public void requireStudentAsLastKnown(long courseId, CurrentUser user,
            Supplier<? extends RuntimeException> unknown) {
        if (requireAsLastKnown(courseId, user, CourseRole.STUDENT, unknown) != CourseRole.STUDENT) {
            throw new AccessDeniedException("Only students of course " + courseId + " do this");
        }
    }

    /**
     * Forgets the role last read, for a membership that changes in the running transaction: now, so no save during
     * an outage is accepted on the old role, and again after the commit, in case a request that read the old role
     * before the commit remembered it meanwhile.
     */
    void forgetRole(long courseId, long userId) {
        String key = key(courseId, userId);
        records.remove(LastKnownRecords.COURSE_ROLES, key);
        AfterTransaction.afterCompletion(committed -> records.remove(LastKnownRecords.COURSE_ROLES, key));
    }

    private static String key(long courseId, long userId) {
        return courseId + ":" + userId;
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
