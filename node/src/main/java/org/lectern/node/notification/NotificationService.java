package org.lectern.node.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import org.lectern.node.course.CourseService;
import org.lectern.node.course.CourseSummary;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores notifications, for one user or for a whole course, and pushes them to the users they are for, wherever in
 * the cluster those are connected. The push waits for the commit, so nobody is told of something that was then
 * rolled back (e.g. an assessment that failed to save).
 */
@Service
public class NotificationService {

    private static final int BATCH = 1_000;
    private static final String INSERT_PERSONAL =
            "insert into notifications (user_id, title, text, created_at) values (?, ?, ?, ?)";

    private final NotificationRepository notifications;
    private final JdbcTemplate jdbc;
    private final LiveEvents live;
    private final UserDirectory users;
    private final CourseService courses;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, JdbcTemplate jdbc, LiveEvents live,
            UserDirectory users, CourseService courses, Clock clock) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.live = live;
        this.users = users;
        this.clock = clock;
        this.courses = courses;
    }

    /** Sends a notification to the user with this login; an unknown login is refused, not silently dropped. */
    @Transactional
    public Notification notify(String login, String title, String text) {
        UserSummary user = users.find(login).orElseThrow(() -> new NoSuchElementException("No user " + login));
        StoredNotification stored = notifications.save(
                StoredNotification.forUser(user.id(), title, text, clock.instant()));
        Notification notification = pushed(stored);
        live.publishToUserAfterCommit(login, TopicRegistry.NOTIFICATIONS, notification);
        return notification;
    }

    /**
     * Sends each user their own text under one title (a quiz's scores), in one JDBC batch rather than one entity
     * insert each: Hibernate cannot batch inserts whose ids the database assigns, and a lecture hall is hundreds
     * of users at the same moment.
     */
    @Transactional
    public void notifyEach(String title, List<PersonalNotification> personal) {
        Instant now = clock.instant();
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT_PERSONAL, personal, BATCH, (statement, notification) -> {
            statement.setLong(1, notification.user().id());
            statement.setString(2, title);
            statement.setString(3, notification.text());
            statement.setObject(4, createdAt);
        });
        personal.forEach(notification -> live.publishToUserAfterCommit(notification.user().login(),
                TopicRegistry.NOTIFICATIONS, new Notification(title, notification.text(), now.toEpochMilli())));
    }

    /** Stores one notification for the course and pushes it to everyone in it; the caller checked the course exists. */
    @Transactional
    public NotificationView notifyCourse(long courseId, String title, String text) {
        StoredNotification stored = notifications.save(
                StoredNotification.forCourse(courseId, title, text, clock.instant()));
        Notification notification = pushed(stored);
        List<String> members = courses.memberLogins(courseId);
        members.forEach(login -> live.publishToUserAfterCommit(login, TopicRegistry.NOTIFICATIONS, notification));
        return stored.toView();
    }

    /** The user's own notifications and those of their courses, newest first. */
    @Transactional(readOnly = true)
    public Page<NotificationView> visibleTo(String login, Pageable pageable) {
        UserSummary user = users.summaryOf(login);
        List<Long> courseIds = courses.coursesOf(login).stream().map(CourseSummary::id).toList();
        Page<StoredNotification> page = courseIds.isEmpty()
                ? notifications.findForUser(user.id(), pageable)
                : notifications.findForUserAndCourses(user.id(), courseIds, pageable);
        return page.map(StoredNotification::toView);
    }

    private static Notification pushed(StoredNotification stored) {
        return new Notification(stored.getTitle(), stored.getText(), stored.getCreatedAt().toEpochMilli());
    }
}
