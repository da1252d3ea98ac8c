package org.lectern.node.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.StompTestClient;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;

/** A personal notification travels node → Artemis broker → node → the one user's WebSocket, and no one else's. */
class PersonalNotificationIT extends NodeIntegrationTest {

    private static final String SUBSCRIPTION = Destinations.subscriptionFor(Destinations.PERSONAL_NOTIFICATIONS);

    @Test
    void shouldDeliverANotificationToTheStudentItIsFor() throws Exception {
        try (StompTestClient student = StompTestClient.connect(port, client().tokenFor("student1", "demo"))) {
            BlockingQueue<Notification> inbox = student.subscribeSequenced(SUBSCRIPTION, Notification.class);

            assertThat(send("student1", "Quiz starts", "The morning quiz starts now").statusCode()).isEqualTo(202);

            Notification received = inbox.poll(15, TimeUnit.SECONDS);
            assertThat(received).isNotNull();
            assertThat(received.title()).isEqualTo("Quiz starts");
            assertThat(received.text()).isEqualTo("The morning quiz starts now");
        }
    }

    @Test
    void shouldNotDeliverOneStudentsNotificationToAnother() throws Exception {
        try (StompTestClient alice = StompTestClient.connect(port, client().tokenFor("student1", "demo"));
                StompTestClient bob = StompTestClient.connect(port, client().tokenFor("student2", "demo"))) {
            BlockingQueue<Notification> aliceInbox = alice.subscribeSequenced(SUBSCRIPTION, Notification.class);
            BlockingQueue<Notification> bobInbox = bob.subscribeSequenced(SUBSCRIPTION, Notification.class);

            send("student1", "For Alice", "only");
            send("student2", "For Bob", "only");

            // The broker keeps order: once Bob has his own message, Alice's would have arrived before it.
            Notification bobsFirst = bobInbox.poll(15, TimeUnit.SECONDS);
            assertThat(bobsFirst).isNotNull();
            assertThat(bobsFirst.title()).isEqualTo("For Bob");
            assertThat(aliceInbox.poll(15, TimeUnit.SECONDS)).extracting(Notification::title).isEqualTo("For Alice");
            assertThat(bobInbox).isEmpty();
        }
    }

    @Test
    void shouldRefuseAWebSocketWithoutLogin() {
        assertThatThrownBy(() -> StompTestClient.connect(port, null)).hasStackTraceContaining("401");
    }

    @Test
    void shouldRefuseANotificationForAnUnknownUserWith404() {
        assertThat(send("nobody", "Hello", "there").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseNotificationsFromStudentsWith403() {
        String studentToken = client().tokenFor("student1", "demo");

        HttpResponse<String> response = client().post("/api/admin/notifications", studentToken,
                "{\"recipient\":\"student2\",\"title\":\"Hi\",\"text\":\"spam\"}");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String recipient, String title, String text) {
        String adminToken = client().tokenFor("admin", "demo");
        return client().post("/api/admin/notifications", adminToken,
                "{\"recipient\":\"%s\",\"title\":\"%s\",\"text\":\"%s\"}".formatted(recipient, title, text));
    }
}
