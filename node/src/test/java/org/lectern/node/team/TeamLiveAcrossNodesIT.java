package org.lectern.node.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.live.LiveAssertions.next;
import static org.lectern.node.live.LiveAssertions.nothingOn;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.LecternNodeApplication;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.live.LiveHttp;
import org.lectern.node.live.LiveStompClient;
import org.lectern.node.live.LiveStompClient.Event;
import org.lectern.node.support.FreePorts;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.team.TeamEdit;
import org.lectern.shared.team.TeamPresence;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thesis 3.3.1: Alice and Bob work on their team exercise from different nodes. Alice's presence and her saves on
 * node A reach Bob on node B through the team topic; another team hears nothing. Both nodes share one database
 * (in-memory H2 of the same name in this JVM) and node B uses node A's embedded broker, as a cluster does.
 */
class TeamLiveAcrossNodesIT {

    private static final String CLUSTER = "team-live-it-" + FreePorts.next();
    private static final int MEMBER_PORT_A = FreePorts.next();
    private static final int MEMBER_PORT_B = FreePorts.next();
    private static final int STOMP_PORT = FreePorts.next();
    private static final String TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String DATABASE = "jdbc:h2:mem:" + CLUSTER + ";DB_CLOSE_DELAY=-1";

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        String members = "127.0.0.1:" + MEMBER_PORT_A + ",127.0.0.1:" + MEMBER_PORT_B;
        nodeA = start("team-a", MEMBER_PORT_A, members, true);
        nodeB = start("team-b", MEMBER_PORT_B, members, false);
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
    void shouldShowAlicesPresenceAndSavesOnNodeAToBobOnNodeB() throws Exception {
        CourseService courses = nodeA.getBean(CourseService.class);
        long course = courses.create(TestData.unique("C"), "Course");
        String instructor = member(courses, course, CourseRole.INSTRUCTOR);
        String alice = member(courses, course, CourseRole.STUDENT);
        String bob = member(courses, course, CourseRole.STUDENT);
        String carol = member(courses, course, CourseRole.STUDENT);
        long exerciseId = FeatureFixtures.teamExercise(nodeA.getBean(ExerciseCatalog.class), course).getId();
        LecternClient onA = new LecternClient("http://127.0.0.1:" + httpPort(nodeA));
        LecternClient onB = new LecternClient("http://127.0.0.1:" + httpPort(nodeB));
        String instructorToken = onA.tokenFor(instructor, TestData.PASSWORD);
        long team = team(onA, instructorToken, exerciseId, alice, bob);
        long otherTeam = team(onA, instructorToken, exerciseId, carol);
        String aliceToken = onA.tokenFor(alice, TestData.PASSWORD);
        String teamTopic = TopicRegistry.TEAM.destination(team);

        try (LiveStompClient bobOnB = LiveStompClient.connect(httpPort(nodeB), onB.tokenFor(bob, TestData.PASSWORD));
                LiveStompClient carolOnB = LiveStompClient.connect(httpPort(nodeB),
                        onB.tokenFor(carol, TestData.PASSWORD))) {
            BlockingQueue<Event> bobsTeam = bobOnB.subscribe(teamTopic);
            BlockingQueue<Event> carolsTeam = carolOnB.subscribe(TopicRegistry.TEAM.destination(otherTeam));

            try (LiveStompClient aliceOnA = LiveStompClient.connect(httpPort(nodeA), aliceToken)) {
                aliceOnA.send(TopicRegistry.TEAM_PRESENCE.destination(team), Map.of("online", true));

                Map<String, Object> online = next(bobsTeam, teamTopic).payload();
                assertThat(online).containsEntry("type", TeamPresence.TYPE).containsEntry("login", alice)
                        .containsEntry("online", true);

                HttpResponse<String> saved = LiveHttp.put(httpPort(nodeA), "/api/exercises/" + exerciseId
                        + "/submission", aliceToken, "k-1", "{\"text\":\"Our first draft\"}");
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

                Map<String, Object> edit = next(bobsTeam, teamTopic).payload();
                assertThat(edit).containsEntry("type", TeamEdit.TYPE).containsEntry("author", alice)
                        .containsEntry("version", 1).containsEntry("content", "Our first draft");
            }

            Map<String, Object> offline = next(bobsTeam, teamTopic).payload();
            assertThat(offline).containsEntry("type", TeamPresence.TYPE).containsEntry("login", alice)
                    .containsEntry("online", false);
            nothingOn(carolsTeam);
        }
    }

    private static String member(CourseService courses, long course, CourseRole role) {
        String login = nodeA.getBean(UserDirectory.class)
                .create(TestData.unique("u"), "Member", TestData.PASSWORD, false).login();
        courses.enrol(course, login, role);
        return login;
    }

    private static long team(LecternClient client, String token, long exerciseId, String... logins) {
        String body = "{\"name\":\"" + TestData.unique("Team") + "\",\"memberLogins\":[\""
                + String.join("\",\"", logins) + "\"]}";
        HttpResponse<String> response = client.post("/api/exercises/" + exerciseId + "/teams", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    private static ConfigurableApplicationContext start(String nodeId, int memberPort, String members,
            boolean embedsBroker) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "lectern.node.id", nodeId,
                "lectern.data-dir", dataDir.resolve(nodeId).toString(),
                "spring.datasource.url", DATABASE,
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
