package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.node.realtime.TopicAuthorizationIT.Caller.ADMIN;
import static org.lectern.node.realtime.TopicAuthorizationIT.Caller.INSTRUCTOR;
import static org.lectern.node.realtime.TopicAuthorizationIT.Caller.OTHER_STUDENT;
import static org.lectern.node.realtime.TopicAuthorizationIT.Caller.OUTSIDER;
import static org.lectern.node.realtime.TopicAuthorizationIT.Caller.STUDENT;
import static org.lectern.node.realtime.TopicAuthorizationIT.Caller.TUTOR;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.topics.DestinationKind;
import org.lectern.shared.topics.TopicDeclaration;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * Thesis table 4.1 over real STOMP connections: every declared destination, subscribed by every kind of caller,
 * is confirmed with a RECEIPT exactly for those its rule admits and refused with an ERROR frame (and a closed
 * connection) for everyone else; plus the attacks a client can try on the destination itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicAuthorizationIT extends NodeIntegrationTest {

    enum Caller { STUDENT, OTHER_STUDENT, TUTOR, INSTRUCTOR, ADMIN, OUTSIDER }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> STAFF = EnumSet.of(TUTOR, INSTRUCTOR, ADMIN);

    @Autowired
    private TestData data;
    @Autowired
    private UserDirectory directory;
    @Autowired
    private SimpMessagingTemplate template;
    @Autowired
    private MeterRegistry meters;

    private final Map<Caller, String> logins = new EnumMap<>(Caller.class);
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private long course;
    private long otherCourse;
    private long exam;
    private long exercise;
    private long quiz;
    private long team;
    private long otherTeam;

    /**
     * A course with a student (registered for the exam, in the team), another student (neither), a tutor and an
     * instructor; an administrator and an outsider in no course; a second course nobody of these is in.
     */
    @BeforeAll
    void buildWorld() {
        LecternClient http = client();
        course = data.newCourse();
        otherCourse = data.newCourse();
        logins.put(STUDENT, data.newMember(course, CourseRole.STUDENT).login());
        logins.put(OTHER_STUDENT, data.newMember(course, CourseRole.STUDENT).login());
        logins.put(TUTOR, data.newMember(course, CourseRole.TUTOR).login());
        logins.put(INSTRUCTOR, data.newMember(course, CourseRole.INSTRUCTOR).login());
        logins.put(ADMIN, directory.create(TestData.unique("admin"), "Admin", TestData.PASSWORD, true).login());
        logins.put(OUTSIDER, data.newUser().login());
        logins.forEach((caller, login) -> tokens.put(caller, http.tokenFor(login, TestData.PASSWORD)));

        Instant now = Instant.now();
        exam = id(http.post("/api/courses/" + course + "/exams", tokens.get(INSTRUCTOR), """
                {"title":"Live exam","visibleDate":"%s","startDate":"%s","endDate":"%s","workingTimeSeconds":3600}"""
                .formatted(now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(30)),
                        now.plus(Duration.ofMinutes(30)))));
        expectSuccess(http.post("/api/exams/" + exam + "/registrations", tokens.get(INSTRUCTOR),
                "{\"logins\":[\"" + logins.get(STUDENT) + "\"]}"));
        exercise = data.newExercise(course, ExerciseType.TEXT).getId();
        quiz = data.newExercise(course, ExerciseType.QUIZ).getId();
        long teamExercise = id(http.post("/api/courses/" + course + "/exercises", tokens.get(INSTRUCTOR),
                "{\"type\":\"TEXT\",\"mode\":\"TEAM\",\"title\":\"Team work\",\"maxPoints\":10}"));
        team = id(http.post("/api/exercises/" + teamExercise + "/teams", tokens.get(TUTOR),
                "{\"name\":\"Red\",\"memberLogins\":[\"" + logins.get(STUDENT) + "\"]}"));
        otherTeam = id(http.post("/api/exercises/" + teamExercise + "/teams", tokens.get(TUTOR),
                "{\"name\":\"Blue\",\"memberLogins\":[\"" + data.newMember(course, CourseRole.STUDENT).login()
                        + "\"]}"));
    }

    /** Every declaration × every caller: RECEIPT for those the rule admits, ERROR and a closed connection else. */
    @TestFactory
    Stream<DynamicTest> shouldAdmitExactlyTheCallersOfEachDestinationsRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TopicDeclaration declaration : TopicRegistry.all()) {
            if (declaration.kind() == DestinationKind.APPLICATION) {
                continue;
            }
            String destination = concrete(declaration);
            Set<Caller> admitted = admittedTo(declaration);
            for (Caller caller : Caller.values()) {
                boolean allowed = admitted.contains(caller);
                tests.add(DynamicTest.dynamicTest(caller + (allowed ? " may" : " may not") + " subscribe to "
                        + destination, () -> expectSubscription(caller, destination, allowed)));
            }
        }
        return tests.stream();
    }

    @Nested
    class Attacks {

        @Test
        void shouldRefuseAnotherUsersPersonalQueueByItsSessionName() throws Exception {
            expectRefused(STUDENT, "/queue/notifications-user" + "abcd1234", "undeclared");
        }

        @Test
        void shouldRefuseAnotherUsersPersonalDestinationByLogin() throws Exception {
            expectRefused(STUDENT, "/user/" + logins.get(OTHER_STUDENT) + "/queue/notifications", "undeclared");
        }

        @Test
        void shouldRefuseACourseTheStudentIsNotIn() throws Exception {
            expectRefused(STUDENT, "/topic/courses/" + otherCourse + "/students", "forbidden");
        }

        @Test
        void shouldRefuseAnUnknownCourseEvenToAnAdministrator() throws Exception {
            expectRefused(ADMIN, "/topic/courses/" + Long.MAX_VALUE + "/instructors", "forbidden");
        }

        @Test
        void shouldRefuseTheStaffFeedOfAnExerciseToAStudent() throws Exception {
            expectRefused(STUDENT, "/topic/exercises/" + exercise + "/submissions", "forbidden");
        }

        @Test
        void shouldRefuseAnotherTeamToAStudent() throws Exception {
            expectRefused(STUDENT, "/topic/teams/" + otherTeam, "forbidden");
        }

        @Test
        void shouldRefuseAWildcard() throws Exception {
            expectRefused(STUDENT, "/topic/courses/*/students", "wildcard");
            expectRefused(TUTOR, "/topic/#", "wildcard");
            expectRefused(ADMIN, "/topic/courses/>", "wildcard");
        }

        @Test
        void shouldRefuseAnUndeclaredDestination() throws Exception {
            expectRefused(ADMIN, "/topic/lectern.user-registry", "undeclared");
            expectRefused(STUDENT, "/topic/courses/" + course + "/students/../tutors", "undeclared");
            expectRefused(STUDENT, "/queue/anything", "undeclared");
        }

        @Test
        void shouldRefuseASendToATopicEvenFromAnAdministrator() throws Exception {
            expectSendRefused(ADMIN, "/topic/courses/" + course + "/students", "undeclared");
            expectSendRefused(STUDENT, "/queue/notifications", "undeclared");
            expectSendRefused(STUDENT, "/user/" + logins.get(OTHER_STUDENT) + "/queue/notifications", "undeclared");
        }

        @Test
        void shouldRefuseASendToAnotherTeamsPresence() throws Exception {
            expectSendRefused(STUDENT, "/app/teams/" + otherTeam + "/presence", "forbidden");
            expectSendRefused(STUDENT, "/app/undeclared", "undeclared");
        }

        /** Retried, because a refusal now and then arrives as the close alone (see {@link StompProbe}). */
        @Test
        void shouldExplainARefusalInAnErrorFrame() throws Exception {
            String destination = "/topic/courses/" + course + "/tutors";
            List<String> messages = new ArrayList<>();
            for (int attempt = 0; attempt < 5 && messages.isEmpty(); attempt++) {
                try (StompProbe probe = StompProbe.connect(port, tokens.get(STUDENT))) {
                    probe.subscribe(destination);
                    probe.errorMessage().ifPresent(messages::add);
                }
            }
            assertThat(messages).containsExactly("Access denied: SUBSCRIBE " + destination + " (forbidden)");
        }

        @Test
        void shouldKeepTheConnectionOfAnAllowedSend() throws Exception {
            try (StompProbe probe = StompProbe.connect(port, tokens.get(STUDENT))) {
                probe.send("/app/teams/" + team + "/presence", "{\"typing\":true}");

                assertThat(probe.subscribe("/topic/system")).isEqualTo(Outcome.RECEIPT);
                assertThat(probe.isConnected()).isTrue();
            }
        }

        @Test
        void shouldNotDeliverACourseMessageToARefusedSubscriber() throws Exception {
            String destination = "/topic/courses/" + course + "/students";
            BlockingQueue<String> studentInbox = new LinkedBlockingQueue<>();
            BlockingQueue<String> tutorInbox = new LinkedBlockingQueue<>();
            try (StompProbe student = StompProbe.connect(port, tokens.get(STUDENT));
                    StompProbe tutor = StompProbe.connect(port, tokens.get(TUTOR))) {
                assertThat(student.subscribe(destination, studentInbox)).isEqualTo(Outcome.RECEIPT);
                assertThat(tutor.subscribe(destination, tutorInbox)).isIn(Outcome.ERROR, Outcome.CLOSED);

                template.convertAndSend(destination, (Object) Map.of("title", "Quiz started"));

                assertThat(studentInbox.poll(15, TimeUnit.SECONDS)).contains("Quiz started");
                assertThat(tutorInbox).isEmpty();
            }
        }
    }

    private Set<Caller> admittedTo(TopicDeclaration declaration) {
        return switch (declaration.rule()) {
            case AUTHENTICATED, OWN_USER -> EVERYONE;
            case COURSE_STUDENT -> EnumSet.of(STUDENT, OTHER_STUDENT);
            case COURSE_TUTOR -> EnumSet.of(TUTOR);
            case COURSE_INSTRUCTOR -> EnumSet.of(INSTRUCTOR, ADMIN);
            case EXAM_STUDENT -> EnumSet.of(STUDENT);
            case EXAM_STAFF, EXERCISE_STAFF -> STAFF;
            case TEAM_MEMBER -> EnumSet.of(STUDENT, TUTOR, INSTRUCTOR, ADMIN);
        };
    }

    private String concrete(TopicDeclaration declaration) {
        long[] ids = declaration.idNames().stream().mapToLong(name -> switch (name) {
            case "courseId" -> course;
            case "examId" -> exam;
            case "exerciseId" -> declaration == TopicRegistry.QUIZ_STATISTICS ? quiz : exercise;
            case "teamId" -> team;
            default -> throw new IllegalArgumentException(name);
        }).toArray();
        return declaration.destination(ids);
    }

    private void expectSubscription(Caller caller, String destination, boolean allowed) throws Exception {
        if (!allowed) {
            expectRefused(caller, destination, "forbidden");
            return;
        }
        try (StompProbe probe = StompProbe.connect(port, tokens.get(caller))) {
            assertThat(probe.subscribe(destination)).isEqualTo(Outcome.RECEIPT);
            assertThat(probe.isConnected()).isTrue();
        }
    }

    private void expectRefused(Caller caller, String destination, String reason) throws Exception {
        double before = refusals("SUBSCRIBE", reason);
        try (StompProbe probe = StompProbe.connect(port, tokens.get(caller))) {
            assertThat(probe.subscribe(destination)).isIn(Outcome.ERROR, Outcome.CLOSED);
            expectRefusal(probe, "SUBSCRIBE", destination, reason);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals("SUBSCRIBE", reason) > before);
    }

    private void expectSendRefused(Caller caller, String destination, String reason) throws Exception {
        double before = refusals("SEND", reason);
        try (StompProbe probe = StompProbe.connect(port, tokens.get(caller))) {
            probe.send(destination, "{\"title\":\"forged\"}");
            expectRefusal(probe, "SEND", destination, reason);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals("SEND", reason) > before);
    }

    /** The ERROR frame, when it arrives (see {@link StompProbe}), names command, destination and reason. */
    private static void expectRefusal(StompProbe probe, String command, String destination, String reason)
            throws Exception {
        probe.errorMessage().ifPresent(message ->
                assertThat(message).isEqualTo("Access denied: " + command + " " + destination + " (" + reason + ")"));
        assertThat(probe.awaitClosed()).isTrue();
    }

    private double refusals(String command, String reason) {
        var counter = meters.find("lectern.stomp.refused").tag("command", command).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long id(HttpResponse<String> response) {
        return expectSuccess(response).get("id").asLong();
    }

    private static tools.jackson.databind.JsonNode expectSuccess(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return LecternClient.json(response);
    }
}
