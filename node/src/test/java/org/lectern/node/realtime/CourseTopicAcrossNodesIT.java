package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.LecternNodeApplication;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.FreePorts;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * A course topic is one topic cluster-wide: published on node A, it reaches a student subscribed on node B
 * (node B uses node A's embedded broker as its external one, as in {@code TwoNodeClusterIT}).
 */
class CourseTopicAcrossNodesIT {

    private static final String CLUSTER = "topic-nodes-it-" + FreePorts.next();
    private static final int MEMBER_PORT_A = FreePorts.next();
    private static final int MEMBER_PORT_B = FreePorts.next();
    private static final int STOMP_PORT = FreePorts.next();
    private static final String TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        String members = "127.0.0.1:" + MEMBER_PORT_A + ",127.0.0.1:" + MEMBER_PORT_B;
        nodeA = start("topic-a", MEMBER_PORT_A, members, true);
        nodeB = start("topic-b", MEMBER_PORT_B, members, false);
    }

    @AfterAll
    static void stopCluster() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void shouldDeliverACourseMessagePublishedOnOneNodeToAStudentOnTheOther() throws Exception {
        // Each node here has a database of its own; node B authorizes the subscription against its own.
        CourseService courses = nodeB.getBean(CourseService.class);
        long course = courses.create(TestData.unique("C"), "Course");
        String student = nodeB.getBean(UserDirectory.class)
                .create(TestData.unique("u"), "Student", TestData.PASSWORD, false).login();
        courses.enrol(course, student, CourseRole.STUDENT);
        String token = new LecternClient("http://127.0.0.1:" + httpPort(nodeB)).tokenFor(student, TestData.PASSWORD);
        String destination = TopicRegistry.COURSE_STUDENTS.destination(course);
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();

        try (StompProbe onB = StompProbe.connect(httpPort(nodeB), token)) {
            assertThat(onB.subscribe(destination, inbox)).isEqualTo(Outcome.RECEIPT);

            nodeA.getBean(SimpMessagingTemplate.class).convertAndSend(destination,
                    (Object) Map.of("title", "Quiz started on node A"));

            assertThat(inbox.poll(20, TimeUnit.SECONDS)).contains("Quiz started on node A");
        }
    }

    private static ConfigurableApplicationContext start(String nodeId, int memberPort, String members,
            boolean embedsBroker) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "lectern.node.id", nodeId,
                "lectern.data-dir", dataDir.resolve(nodeId).toString(),
                "spring.datasource.url", "jdbc:h2:mem:" + nodeId + ";DB_CLOSE_DELAY=-1",
                "lectern.cluster.name", CLUSTER,
                "lectern.cluster.port", memberPort,
                "lectern.cluster.members", members,
                "lectern.broker.stomp-port", STOMP_PORT,
                "lectern.security.token-secret", TOKEN_SECRET));
        properties.put("lectern.broker.embedded", embedsBroker);
        properties.put("lectern.broker.password", "it-broker-secret");
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LecternNodeApplication.class).run(args);
    }

    private static int httpPort(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
