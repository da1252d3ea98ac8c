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
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.messaging.ReliableMessaging;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.support.TestNodes;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A course topic is one topic cluster-wide: published on node A, it reaches a student subscribed on node B
 * (node B uses node A's embedded broker as its external one, as in {@code TwoNodeClusterIT}).
 */
class CourseTopicAcrossNodesIT {


    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        nodes = TestNodes.startPair("topic-a", "topic-b", dataDir, Map.of());
        nodeA = nodes.a();
        nodeB = nodes.b();
    }

    @AfterAll
    static void stopCluster() {
        if (nodes != null) {
            nodes.close();
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
        String token = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(nodeB)).tokenFor(student, TestData.PASSWORD);
        String destination = TopicRegistry.COURSE_STUDENTS.destination(course);
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();

        try (StompProbe onB = StompProbe.connect(TestNodes.httpPort(nodeB), token)) {
            assertThat(onB.subscribe(destination, inbox)).isEqualTo(Outcome.RECEIPT);

            nodeA.getBean(ReliableMessaging.class).publish(destination, Map.of("title", "Quiz started on node A"));

            assertThat(inbox.poll(20, TimeUnit.SECONDS)).contains("Quiz started on node A");
        }
    }


}
