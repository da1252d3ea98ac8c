package org.lectern.node.course;

import java.util.List;
import java.util.NoSuchElementException;
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
}
