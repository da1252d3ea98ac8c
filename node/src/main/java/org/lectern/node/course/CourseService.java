package org.lectern.node.course;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The course feature's door: which courses exist and who is what in them. */
@Service
public class CourseService {

    private final CourseRepository courses;
    private final CourseMembershipRepository memberships;
    private final UserDirectory users;

    CourseService(CourseRepository courses, CourseMembershipRepository memberships, UserDirectory users) {
        this.courses = courses;
        this.memberships = memberships;
        this.users = users;
    }

    /** The courses the user with this login belongs to, in any role. */
    @Transactional(readOnly = true)
    public List<CourseSummary> coursesOf(String login) {
        UserSummary user = users.summaryOf(login);
        return courses.findMembershipsOfUser(user.id()).stream()
                .map(m -> new CourseSummary(m.getCourse().getId(), m.getCourse().getShortName(),
                        m.getCourse().getTitle(), m.getRole()))
                .toList();
    }

    @Transactional
    public long create(String shortName, String title) {
        return courses.save(new Course(shortName, title)).getId();
    }

    @Transactional
    public void enrol(long courseId, String login, CourseRole role) {
        Course course = courses.findById(courseId)
                .orElseThrow(() -> new NoSuchElementException("No course " + courseId));
        UserSummary user = users.summaryOf(login);
        memberships.save(new CourseMembership(course, user.id(), role));
    }

    /** The role of the user with this id in the course, if they are a member (no administrator shortcut). */
    @Transactional(readOnly = true)
    public Optional<CourseRole> roleOf(long courseId, long userId) {
        return memberships.findById(new CourseMembership.Key(courseId, userId)).map(CourseMembership::getRole);
    }

    /** The logins of everyone in the course, in any role. */
    @Transactional(readOnly = true)
    public List<String> memberLogins(long courseId) {
        return users.summariesOf(memberships.userIdsOf(courseId)).stream().map(UserSummary::login).toList();
    }
}
