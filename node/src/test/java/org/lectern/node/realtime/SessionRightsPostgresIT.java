package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.messaging.ReliableMessaging;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.lectern.node.support.TestNodes;
import org.lectern.node.team.FeatureFixtures;
import org.lectern.shared.realtime.Realtime;
import org.springframework.messaging.simp.stomp.StompHeaders;

/**
 * Live sessions end with their rights, on every node: two nodes on one database, the student's sessions on node 1,
 * the change made through node 2. Each case uses its own demo users, so the cases do not depend on one another.
 */
class SessionRightsPostgresIT {

    private static final String SYSTEM = "/topic/system";
    private static final String CONTROL = "/user" + Realtime.CONTROL_QUEUE;
    private static final String NOTIFICATIONS = "/user/queue/notifications";
    /** The demo's course, and its team 1 (student1 and student2). */
    private static final String COURSE_STUDENTS = "/topic/courses/1/students";
    private static final String COURSE_TUTORS = "/topic/courses/1/tutors";
    private static final String TEAM_1 = "/topic/teams/1";
    /** The demo's exam, which every demo student is registered for. */
    private static final String EXAM_1_STUDENTS = "/topic/exams/1/students";

    @TempDir
    static Path dataDir;

    private static TestCluster cluster;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TestCluster.start(2, "rights", dataDir, PostgresDatabases.create("rights_" + System.nanoTime()));
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldEndEverySessionOfALoggedOutTokenOnEveryNodeAndNoSessionOfAnotherToken() throws Exception {
        String loggingOut = client(0).tokenFor("student5", "demo");
        String otherTab = client(0).tokenFor("student5", "demo");
        try (StompProbe onNode1 = StompProbe.connect(port(0), loggingOut);
                StompProbe onNode2 = StompProbe.connect(port(1), loggingOut);
                StompProbe other = StompProbe.connect(port(0), otherTab)) {
            for (StompProbe probe : new StompProbe[] {onNode1, onNode2, other}) {
                assertThat(probe.subscribe(SYSTEM)).isEqualTo(Outcome.RECEIPT);
            }

            assertThat(client(1).post("/api/auth/logout", loggingOut, "").statusCode()).isEqualTo(204);

            for (StompProbe ended : new StompProbe[] {onNode1, onNode2}) {
                StompHeaders error = ended.errorHeaders().orElseThrow();
                assertThat(error.getFirst(Realtime.CONTROL_HEADER)).isEqualTo("SESSION_ENDED");
                assertThat(error.getFirst("message")).isEqualTo("You logged out");
                assertThat(ended.awaitClosed()).isTrue();
            }
            // The other login of the same user goes on: it still gets what it subscribes to.
            assertThat(other.subscribe(NOTIFICATIONS)).isEqualTo(Outcome.RECEIPT);
            assertThat(other.isConnected()).isTrue();
        }
    }

    @Test
    void shouldDropTheCourseTopicOfAStudentRemovedFromTheCourseAndKeepTheSession() throws Exception {
        String student = client(0).tokenFor("student6", "demo");
        BlockingQueue<String> course = new LinkedBlockingQueue<>();
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        BlockingQueue<String> personal = new LinkedBlockingQueue<>();
        try (StompProbe probe = StompProbe.connect(port(0), student)) {
            assertThat(probe.subscribe(COURSE_STUDENTS, course)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.subscribe(CONTROL, control)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.subscribe(NOTIFICATIONS, personal)).isEqualTo(Outcome.RECEIPT);

            assertThat(FeatureFixtures.delete(port(1), "/api/courses/1/members/student6", instructor()).statusCode())
                    .isEqualTo(204);

            assertThat(control.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"SUBSCRIPTION_ENDED\"")
                    .contains("\"destination\":\"" + COURSE_STUDENTS + "\"")
                    .contains("removed from the course");
            cluster.node(1).getBean(ReliableMessaging.class).publish(COURSE_STUDENTS, Map.of("title", "after"));
            assertThat(client(1).post("/api/admin/notifications", admin(),
                    "{\"recipient\":\"student6\",\"title\":\"Still here\",\"text\":\"personal\"}").statusCode())
                    .isEqualTo(202);
            // The personal message was published after the course message: had the course message reached the
            // session, it would have arrived first.
            assertThat(personal.poll(20, TimeUnit.SECONDS)).contains("Still here");
            assertThat(course).isEmpty();
            assertThat(probe.isConnected()).isTrue();
        }
    }

    @Test
    void shouldDropTheStaffTopicOfATutorMadeAStudentButNotTheTopicsEveryoneMayFollow() throws Exception {
        String tutor = client(0).tokenFor("tutor2", "demo");
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        try (StompProbe probe = StompProbe.connect(port(0), tutor)) {
            assertThat(probe.subscribe(COURSE_TUTORS)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.subscribe(SYSTEM)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.subscribe(CONTROL, control)).isEqualTo(Outcome.RECEIPT);

            assertThat(FeatureFixtures.put(port(1), "/api/courses/1/members/tutor2", instructor(),
                    "{\"role\":\"STUDENT\"}").statusCode()).isEqualTo(200);

            assertThat(control.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"SUBSCRIPTION_ENDED\"")
                    .contains("\"destination\":\"" + COURSE_TUTORS + "\"");
            // Anyone logged in may follow the system topic: told once, for the staff topic only.
            assertThat(probe.subscribe(NOTIFICATIONS)).isEqualTo(Outcome.RECEIPT);
            assertThat(control).isEmpty();
        }
    }

    @Test
    void shouldDropTheTeamTopicOfEveryMemberWhenTheTeamIsDeleted() throws Exception {
        String student = client(0).tokenFor("student1", "demo");
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        try (StompProbe probe = StompProbe.connect(port(0), student)) {
            assertThat(probe.subscribe(TEAM_1)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.subscribe(CONTROL, control)).isEqualTo(Outcome.RECEIPT);

            assertThat(FeatureFixtures.delete(port(1), "/api/teams/1", instructor()).statusCode()).isEqualTo(204);

            assertThat(control.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"SUBSCRIPTION_ENDED\"")
                    .contains("\"destination\":\"" + TEAM_1 + "\"");
            // Subscribing again is refused now, as for anyone outside the team.
            assertThat(probe.subscribe(TEAM_1)).isNotEqualTo(Outcome.RECEIPT);
        }
    }

    @Test
    void shouldDropTheExamTopicOfAStudentTakenOffTheExamAndKeepTheSession() throws Exception {
        String student = client(0).tokenFor("student7", "demo");
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        try (StompProbe probe = StompProbe.connect(port(0), student)) {
            assertThat(probe.subscribe(EXAM_1_STUDENTS)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.subscribe(CONTROL, control)).isEqualTo(Outcome.RECEIPT);

            assertThat(FeatureFixtures.delete(port(1), "/api/exams/1/registrations/student7", instructor())
                    .statusCode()).isEqualTo(204);

            assertThat(control.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"SUBSCRIPTION_ENDED\"")
                    .contains("\"destination\":\"" + EXAM_1_STUDENTS + "\"")
                    .contains("no longer registered");
            // The session stays, with what the student may still follow; the exam's topic is refused now.
            assertThat(probe.subscribe(COURSE_STUDENTS)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.isConnected()).isTrue();
            assertThat(probe.subscribe(EXAM_1_STUDENTS)).isNotEqualTo(Outcome.RECEIPT);
        }
    }

    private static String instructor() {
        return client(1).tokenFor("instructor", "demo");
    }

    private static String admin() {
        return client(1).tokenFor("admin", "demo");
    }

    private static LecternClient client(int node) {
        return new LecternClient(cluster.baseUrl(node));
    }

    private static int port(int node) {
        return TestNodes.httpPort(cluster.node(node));
    }
}
