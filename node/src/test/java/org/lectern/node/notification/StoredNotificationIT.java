package org.lectern.node.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.StompTestClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Notifications are kept: each user lists their own and their courses', never anyone else's. */
class StoredNotificationIT extends NodeIntegrationTest {

    @Autowired
    TestData data;

    @Autowired
    NotificationService notifications;

    long courseId;
    UserSummary instructor;
    UserSummary student;
    UserSummary otherStudent;

    @BeforeEach
    void setUp() {
        courseId = data.newCourse();
        instructor = data.newMember(courseId, CourseRole.INSTRUCTOR);
        student = data.newMember(courseId, CourseRole.STUDENT);
        otherStudent = data.newMember(data.newCourse(), CourseRole.STUDENT);
    }

    @Nested
    class Personal {

        @Test
        void shouldListAStoredNotificationToItsRecipientOnly() {
            notifications.notify(student.login(), "For you", "only you");

            assertThat(titlesOf(student)).containsExactly("For you");
            assertThat(titlesOf(otherStudent)).isEmpty();
        }

        @Test
        void shouldListTheNewestFirstPageByPage() {
            notifications.notify(student.login(), "First", "1");
            notifications.notify(student.login(), "Second", "2");
            notifications.notify(student.login(), "Third", "3");

            JsonNode page = json(client().get("/api/notifications?size=2", token(student)));

            assertThat(titles(page.get("content"))).containsExactly("Third", "Second");
            assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(3);
        }
    }

    @Nested
    class ForACourse {

        @Test
        void shouldReachEveryMemberOfTheCourseAndNoOneElse() throws Exception {
            try (StompTestClient connected = StompTestClient.connect(port, token(student))) {
                BlockingQueue<Notification> inbox = connected.subscribeSequenced(
                        Destinations.subscriptionFor(Destinations.PERSONAL_NOTIFICATIONS), Notification.class);

                HttpResponse<String> response = post(instructor, courseId, "Lecture moved", "Room 101 today");

                assertThat(response.statusCode()).isEqualTo(201);
                assertThat(json(response).get("courseId").asLong()).isEqualTo(courseId);
                Notification pushed = inbox.poll(15, TimeUnit.SECONDS);
                assertThat(pushed).isNotNull();
                assertThat(pushed.title()).isEqualTo("Lecture moved");
            }
            assertThat(titlesOf(student)).containsExactly("Lecture moved");
            assertThat(titlesOf(instructor)).containsExactly("Lecture moved");
            assertThat(titlesOf(otherStudent)).isEmpty();
        }

        @Test
        void shouldListPersonalAndCourseNotificationsTogether() {
            notifications.notify(student.login(), "Personal", "p");
            post(instructor, courseId, "Course", "c");

            assertThat(titlesOf(student)).containsExactly("Course", "Personal");
        }

        @Test
        void shouldRefuseStudentsAndTutorsWith403AndStoreNothing() {
            UserSummary tutor = data.newMember(courseId, CourseRole.TUTOR);

            assertThat(post(student, courseId, "Spam", "spam").statusCode()).isEqualTo(403);
            assertThat(post(tutor, courseId, "Spam", "spam").statusCode()).isEqualTo(403);
            assertThat(post(otherStudent, courseId, "Spam", "spam").statusCode()).isEqualTo(403);
            assertThat(titlesOf(student)).isEmpty();
        }

        @Test
        void shouldRefuseAnEmptyTitleWith400AndAnUnknownCourseWith404() {
            assertThat(post(instructor, courseId, "", "text").statusCode()).isEqualTo(400);
            assertThat(post(instructor, Long.MAX_VALUE, "Title", "text").statusCode()).isEqualTo(404);
            assertThat(titlesOf(student)).isEmpty();
        }
    }

    private HttpResponse<String> post(UserSummary caller, long course, String title, String text) {
        return client().post("/api/courses/" + course + "/notifications", token(caller),
                "{\"title\":\"%s\",\"text\":\"%s\"}".formatted(title, text));
    }

    private List<String> titlesOf(UserSummary user) {
        HttpResponse<String> response = client().get("/api/notifications", token(user));
        assertThat(response.statusCode()).isEqualTo(200);
        return titles(json(response).get("content"));
    }

    private static List<String> titles(JsonNode content) {
        List<String> titles = new ArrayList<>();
        content.forEach(notification -> titles.add(notification.get("title").asString()));
        return titles;
    }

    private String token(UserSummary user) {
        return client().tokenFor(user.login(), TestData.PASSWORD);
    }
}
