package org.lectern.node.course;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.lectern.node.messaging.AccessNarrowed;
import org.lectern.node.user.NewUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The course feature's door: which courses exist and who is what in them. */
@Service
public class CourseService {

    /** Keeps IN lists well below every database's parameter limit. */
    private static final int LOOKUP_CHUNK = 1000;

    private final CourseRepository courses;
    private final CourseMembershipRepository memberships;
    private final UserDirectory users;
    private final CourseAccess access;
    private final ApplicationEventPublisher events;

    CourseService(CourseRepository courses, CourseMembershipRepository memberships, UserDirectory users,
            CourseAccess access, ApplicationEventPublisher events) {
        this.courses = courses;
        this.memberships = memberships;
        this.users = users;
        this.access = access;
        this.events = events;
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

    /**
     * Creates a course.
     *
     * @throws ConflictException if another course has that short name (a race between two nodes is caught by the
     *                           unique key instead, also answered with 409)
     */
    @Transactional
    public long create(String shortName, String title) {
        if (courses.findByShortName(shortName).isPresent()) {
            throw new ConflictException("A course with the short name " + shortName + " exists already.");
        }
        return courses.save(new Course(shortName, title)).getId();
    }

    /** The course as a member with this role sees it. */
    @Transactional(readOnly = true)
    public CourseSummary summaryOf(long courseId, CourseRole role) {
        Course course = course(courseId);
        return new CourseSummary(course.getId(), course.getShortName(), course.getTitle(), role);
    }

    /** Enrols the user, or changes their role if they are a member already. */
    @Transactional
    public void enrol(long courseId, String login, CourseRole role) {
        Course course = courses.findById(courseId)
                .orElseThrow(() -> new NoSuchElementException("No course " + courseId));
        UserSummary user = users.summaryOf(login);
        memberships.findById(new CourseMembership.Key(courseId, user.id())).ifPresentOrElse(
                membership -> changeRole(membership, role, login),
                () -> memberships.save(new CourseMembership(course, user.id(), role)));
    }

    /** The course's members, optionally of one role only, in a stable order (by user id). */
    @Transactional(readOnly = true)
    public Page<CourseMember> members(long courseId, CourseRole role, Pageable pageable) {
        Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        Page<CourseMembership> page = role == null
                ? memberships.findByCourse(courseId, unsorted)
                : memberships.findByCourseAndRole(courseId, role, unsorted);
        Map<Long, UserSummary> people = users.summariesOf(page.map(CourseMembership::getUserId).getContent());
        return page.map(m -> {
            UserSummary user = people.get(m.getUserId());
            return new CourseMember(user.login(), user.name(), m.getRole());
        });
    }

    /**
     * Gives the user with this login the role in the course, enrolling them if needed.
     *
     * @throws NotFoundException if there is no such user or course
     */
    @Transactional
    public CourseMember setRole(long courseId, String login, CourseRole role) {
        Course course = course(courseId);
        UserSummary user = users.find(login).orElseThrow(() -> new NotFoundException("user", login));
        memberships.findById(new CourseMembership.Key(courseId, user.id())).ifPresentOrElse(
                membership -> changeRole(membership, role, login),
                () -> memberships.save(new CourseMembership(course, user.id(), role)));
        return new CourseMember(user.login(), user.name(), role);
    }

    /**
     * Takes the user out of the course.
     *
     * @throws NotFoundException if there is no such user or they are not a member
     */
    @Transactional
    public void remove(long courseId, String login) {
        course(courseId);
        UserSummary user = users.find(login).orElseThrow(() -> new NotFoundException("user", login));
        CourseMembership membership = memberships.findById(new CourseMembership.Key(courseId, user.id()))
                .orElseThrow(() -> new NotFoundException("member of course " + courseId + ":", login));
        memberships.delete(membership);
        access.forgetRole(courseId, user.id());
        events.publishEvent(AccessNarrowed.of(login, "You were removed from the course"));
    }

    /**
     * Enrols every member of a CSV list (see {@link MemberCsv}) in one transaction: creates the users that do not
     * exist, enrols the ones not in the course and sets the role of the others. A single bad line rejects the whole
     * file. Users are read and memberships written in batches, so a whole exam's list takes about a second.
     *
     * @throws CsvRejectedException naming every bad line; nothing was changed
     */
    @Transactional
    public EnrolmentResult enrolAll(long courseId, String csv) {
        Course course = course(courseId);
        List<MemberCsv.Row> rows = MemberCsv.parse(csv);

        Map<String, UserSummary> existing = users.findAll(rows.stream().map(MemberCsv.Row::login).toList());
        List<NewUser> missing = rows.stream()
                .filter(row -> !existing.containsKey(row.login()))
                .map(row -> new NewUser(row.login(), row.name(), row.password()))
                .toList();
        Map<String, UserSummary> byLogin = new HashMap<>(existing);
        users.createAll(missing).forEach(user -> byLogin.put(user.login(), user));

        Map<Long, CourseMembership> current = new HashMap<>();
        List<Long> userIds = byLogin.values().stream().map(UserSummary::id).toList();
        for (int from = 0; from < userIds.size(); from += LOOKUP_CHUNK) {
            memberships.findByCourseAndUsers(courseId, userIds.subList(from, Math.min(userIds.size(), from + LOOKUP_CHUNK)))
                    .forEach(m -> current.put(m.getUserId(), m));
        }
        List<CourseMembership> added = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        for (MemberCsv.Row row : rows) {
            long userId = byLogin.get(row.login()).id();
            CourseMembership membership = current.get(userId);
            if (membership == null) {
                added.add(new CourseMembership(course, userId, row.role()));
            } else if (membership.getRole() != row.role()) {
                changeRole(membership, row.role(), row.login());
                updated++;
            } else {
                unchanged++;
            }
        }
        memberships.saveAll(added);
        return new EnrolmentResult(missing.size(), added.size(), updated, unchanged);
    }

    /** A lower role narrows what the user may follow live: their subscriptions are checked again after the commit. */
    private void changeRole(CourseMembership membership, CourseRole role, String login) {
        if (!role.isAtLeast(membership.getRole())) {
            events.publishEvent(AccessNarrowed.of(login, "Your role in the course changed"));
        }
        membership.setRole(role);
        access.forgetRole(membership.getId().courseId(), membership.getUserId());
    }

    private Course course(long courseId) {
        return courses.findById(courseId).orElseThrow(() -> new NotFoundException("course", courseId));
    }

    /** The role of the user with this id in the course, if they are a member (no administrator shortcut). */
    @Transactional(readOnly = true)
    public Optional<CourseRole> roleOf(long courseId, long userId) {
        return memberships.findById(new CourseMembership.Key(courseId, userId)).map(CourseMembership::getRole);
    }

    /** The roles of those of these users who are members of the course (no administrator shortcut), by user id. */
    @Transactional(readOnly = true)
    public Map<Long, CourseRole> rolesOf(long courseId, Collection<Long> userIds) {
        List<Long> ids = List.copyOf(userIds);
        Map<Long, CourseRole> roles = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            memberships.findByCourseAndUsers(courseId, ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)))
                    .forEach(m -> roles.put(m.getUserId(), m.getRole()));
        }
        return roles;
    }

    /** The logins of everyone in the course, in any role. */
    @Transactional(readOnly = true)
    public List<String> memberLogins(long courseId) {
        return users.summariesOf(memberships.userIdsOf(courseId)).values().stream().map(UserSummary::login).toList();
    }
}
