package org.lectern.node.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.live.LiveAssertions.next;
import static org.lectern.node.live.LiveAssertions.nothingOn;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.live.LiveHttp;
import org.lectern.node.live.LiveStompClient.Event;
import org.lectern.node.live.LiveStompClient;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.support.TestNodes;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.team.TeamEdit;
import org.lectern.shared.team.TeamPresence;
import org.lectern.shared.testing.FreePorts;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thesis 3.3.1: Alice and Bob work on their team exercise from different nodes. Alice's presence and her saves on
 * node A reach Bob on node B through the team topic; another team hears nothing. Both nodes share one database
 * (in-memory H2 of the same name in this JVM) and node B uses node A's embedded broker, as a cluster does.
 */
class TeamLiveAcrossNodesIT {


    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startCluster() {
        nodes = TestNodes.startPair("team-a", "team-b", dataDir, Map.of("spring.datasource.url",
                "jdbc:h2:mem:team-live-" + FreePorts.next() + ";DB_CLOSE_DELAY=-1"));
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
    void shouldShowAlicesPresenceAndSavesOnNodeAToBobOnNodeB() throws Exception {
        CourseService courses = nodeA.getBean(CourseService.class);
        long course = courses.create(TestData.unique("C"), "Course");
        String instructor = member(courses, course, CourseRole.INSTRUCTOR);
        String alice = member(courses, course, CourseRole.STUDENT);
        String bob = member(courses, course, CourseRole.STUDENT);
        String carol = member(courses, course, CourseRole.STUDENT);
        long exerciseId = FeatureFixtures.teamExercise(nodeA.getBean(ExerciseCatalog.class), course).getId();
        LecternClient onA = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(nodeA));
        LecternClient onB = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(nodeB));
        String instructorToken = onA.tokenFor(instructor, TestData.PASSWORD);
        long team = team(onA, instructorToken, exerciseId, alice, bob);
        long otherTeam = team(onA, instructorToken, exerciseId, carol);
        String aliceToken = onA.tokenFor(alice, TestData.PASSWORD);
        String teamTopic = TopicRegistry.TEAM.destination(team);

        try (LiveStompClient bobOnB = LiveStompClient.connect(TestNodes.httpPort(nodeB), onB.tokenFor(bob, TestData.PASSWORD));
                LiveStompClient carolOnB = LiveStompClient.connect(TestNodes.httpPort(nodeB),
                        onB.tokenFor(carol, TestData.PASSWORD))) {
            BlockingQueue<Event> bobsTeam = bobOnB.subscribe(teamTopic);
            BlockingQueue<Event> carolsTeam = carolOnB.subscribe(TopicRegistry.TEAM.destination(otherTeam));

            try (LiveStompClient aliceOnA = LiveStompClient.connect(TestNodes.httpPort(nodeA), aliceToken)) {
                aliceOnA.send(TopicRegistry.TEAM_PRESENCE.destination(team), Map.of("online", true));

                Map<String, Object> online = next(bobsTeam, teamTopic).payload();
                assertThat(online).containsEntry("type", TeamPresence.TYPE).containsEntry("login", alice)
                        .containsEntry("online", true);

                HttpResponse<String> saved = LiveHttp.put(TestNodes.httpPort(nodeA), "/api/exercises/" + exerciseId
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


}
