package org.lectern.node.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.authorization.Caller.ADMIN;
import static org.lectern.node.authorization.Caller.INSTRUCTOR;
import static org.lectern.node.authorization.Caller.INSTRUCTORS;
import static org.lectern.node.authorization.Caller.LOGGED_IN;
import static org.lectern.node.authorization.Caller.MEMBERS;
import static org.lectern.node.authorization.Caller.OUTSIDER;
import static org.lectern.node.authorization.Caller.STAFF;
import static org.lectern.node.authorization.Caller.STUDENTS;
import static org.lectern.node.authorization.Caller.STUDENT_A;
import static org.lectern.node.authorization.Caller.STUDENT_B;
import static org.lectern.node.authorization.Caller.TUTOR;
import static org.lectern.node.authorization.Endpoint.endpoint;
import static org.lectern.node.authorization.World.json;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks the access matrix of docs/api.md: every endpoint against every kind of caller (no login, a user in no
 * course, the student whose data it is, another student, tutor, instructor, administrator). An allowed caller must
 * get a 2xx answer that holds nothing of another user's; a refused one exactly the documented 401, 403 or 404 —
 * never 2xx, never 500. A second test makes sure the table has a row for every endpoint the node serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixAuthorizationIT extends NodeIntegrationTest {

    @Autowired
    private TestData data;

    @Autowired
    private UserDirectory users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Http http;
    private World world;

    @BeforeAll
    void buildTheWorld() {
        http = new Http(port);
        world = new World(http, client(), data, users);
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("matrix")
    void shouldAnswerEveryCallerAsTheMatrixSays(Endpoint endpoint, Caller caller) {
        Call call = endpoint.call.apply(world);
        HttpResponse<String> response = http.send(call, tokenFor(caller, call));
        String described = endpoint.caseName(caller) + " answered " + response.statusCode() + ": " + response.body();
        if (endpoint.allows(caller)) {
            assertThat(response.statusCode()).as(described).isBetween(200, 299);
            for (Function<World, String> secret : endpoint.secretsFor(caller)) {
                assertThat(response.body()).as(described).doesNotContain(secret.apply(world));
            }
        } else {
            assertThat(response.statusCode()).as(described).isEqualTo(endpoint.refusalFor(caller));
        }
    }

    @Test
    void shouldHaveARowForEveryEndpointOfTheApi() {
        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(AccessMatrixAuthorizationIT::methodsAndPatterns)
                .filter(mapping -> mapping.contains(" /api/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = table().stream()
                .map(endpoint -> endpoint.method + " " + normalized(endpoint.pattern))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inTable).as("rows of the access matrix").containsAll(served);
        assertThat(served).as("endpoints the node serves").containsAll(inTable.stream()
                .filter(mapping -> mapping.contains(" /api/")).toList());
    }

    Stream<Arguments> matrix() {
        return table().stream().flatMap(endpoint -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.argumentSet(endpoint.caseName(caller), endpoint, caller)));
    }

    private String tokenFor(Caller caller, Call call) {
        if (caller == Caller.ANONYMOUS) {
            return null;
        }
        return call.freshLogin() ? client().tokenFor(world.login(caller), TestData.PASSWORD) : world.token(caller);
    }

    private static Stream<String> methodsAndPatterns(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().flatMap(method -> info.getPatternValues().stream()
                .map(pattern -> method.name() + " " + normalized(pattern)));
    }

    private static String normalized(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "{}");
    }

    /** The access matrix: one row per endpoint and target, grouped as in docs/api.md. */
    static List<Endpoint> table() {
        return Stream.of(authentication(), courses(), exercises(), studentWork(), quizzes(), exams(), teams(),
                assessment(), notifications()).flatMap(List::stream).toList();
    }

    private static List<Endpoint> authentication() {
        return List.of(
                endpoint("POST /api/auth/login", "A's credentials", w -> Call.post("/api/auth/login",
                        json(Map.of("username", w.login(STUDENT_A), "password", TestData.PASSWORD))))
                        .allow(EnumSet.allOf(Caller.class)),
                endpoint("POST /api/auth/logout", "a token of its own", w -> Call.post("/api/auth/logout", "")
                        .withFreshLogin())
                        .allow(LOGGED_IN),
                endpoint("GET /v3/api-docs", "the OpenAPI description", w -> Call.get("/v3/api-docs"))
                        .allow(EnumSet.allOf(Caller.class)),
                endpoint("GET /api/settings", "the cluster settings", w -> Call.get("/api/settings"))
                        .allow(LOGGED_IN));
    }

    private static List<Endpoint> courses() {
        return List.of(
                endpoint("GET /api/courses", "own courses", w -> Call.get("/api/courses"))
                        .allow(LOGGED_IN)
                        .hiding(w -> "\"id\":" + w.course + ",", OUTSIDER),
                endpoint("POST /api/courses", "a new course", w -> Call.post("/api/courses",
                        json(Map.of("shortName", TestData.unique("N"), "title", "New course"))))
                        .allow(ADMIN),
                endpoint("GET /api/courses/{courseId}", "the course", w -> Call.get("/api/courses/" + w.course))
                        .allow(MEMBERS),
                endpoint("GET /api/courses/{courseId}/members", "the course",
                        w -> Call.get("/api/courses/" + w.course + "/members"))
                        .allow(STAFF),
                endpoint("PUT /api/courses/{courseId}/members/{login}", "a new user",
                        w -> Call.put("/api/courses/" + w.course + "/members/" + w.freshUser(), "{\"role\":\"STUDENT\"}"))
                        .allow(INSTRUCTORS),
                endpoint("PUT /api/courses/{courseId}/members/{login}", "STUDENT_B, role unchanged",
                        w -> Call.put("/api/courses/" + w.course + "/members/" + w.login(STUDENT_B),
                                "{\"role\":\"STUDENT\"}"))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/courses/{courseId}/members/{login}", "a new student",
                        w -> Call.delete("/api/courses/" + w.course + "/members/" + w.freshStudent()))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/courses/{courseId}/members/csv", "one new student",
                        w -> Call.csv("/api/courses/" + w.course + "/members/csv",
                                "login,name,role\n" + TestData.unique("csv") + ",Carla Csv,STUDENT\n"))
                        .allow(INSTRUCTORS));
    }

    private static List<Endpoint> exercises() {
        return List.of(
                endpoint("POST /api/courses/{courseId}/exercises", "a new text exercise",
                        w -> Call.post("/api/courses/" + w.course + "/exercises",
                                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"New\",\"maxPoints\":5}"))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/courses/{courseId}/exercises", "the course",
                        w -> Call.get("/api/courses/" + w.course + "/exercises"))
                        .allow(MEMBERS)
                        .hiding(w -> w.unreleasedTitle, STUDENTS.toArray(Caller[]::new)),
                endpoint("GET /api/exercises/{exerciseId}", "released essay",
                        w -> Call.get("/api/exercises/" + w.essay))
                        .allow(MEMBERS),
                endpoint("GET /api/exercises/{exerciseId}", "unreleased exercise",
                        w -> Call.get("/api/exercises/" + w.unreleased))
                        .allow(STAFF),
                endpoint("GET /api/exercises/{exerciseId}", "exam exercise",
                        w -> Call.get("/api/exercises/" + w.examExercise))
                        .allow(STAFF)
                        .notFoundFor(STUDENT_A, STUDENT_B),
                endpoint("PUT /api/exercises/{exerciseId}", "an exercise",
                        w -> Call.put("/api/exercises/" + w.editable,
                                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Edited\",\"maxPoints\":8}"))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/exercises/{exerciseId}", "a new exercise",
                        w -> Call.delete("/api/exercises/" + w.freshExercise()))
                        .allow(INSTRUCTORS));
    }

    private static List<Endpoint> studentWork() {
        return List.of(
                endpoint("POST /api/exercises/{exerciseId}/participation", "released exercise",
                        w -> Call.post("/api/exercises/" + w.workbench + "/participation", ""))
                        .allow(STUDENTS),
                endpoint("GET /api/exercises/{exerciseId}/participation", "A's essay participation",
                        w -> Call.get("/api/exercises/" + w.essay + "/participation"))
                        .allow(STUDENT_A)
                        .notFoundFor(STUDENT_B),
                endpoint("GET /api/exercises/{exerciseId}/participation", "unreleased exercise",
                        w -> Call.get("/api/exercises/" + w.unreleased + "/participation")),
                endpoint("PUT /api/exercises/{exerciseId}/submission", "released exercise",
                        w -> Call.put("/api/exercises/" + w.workbench + "/submission", "{\"text\":\"Mine\"}")
                                .withIdempotencyKey())
                        .allow(STUDENTS),
                endpoint("GET /api/exercises/{exerciseId}/participation", "exam exercise, outside the exam",
                        w -> Call.get("/api/exercises/" + w.examExercise + "/participation"))
                        .notFoundFor(STUDENT_A, STUDENT_B),
                endpoint("PUT /api/exercises/{exerciseId}/submission", "exam exercise, outside the exam",
                        w -> Call.put("/api/exercises/" + w.examExercise + "/submission", "{\"text\":\"Mine\"}")
                                .withIdempotencyKey())
                        .notFoundFor(STUDENT_A, STUDENT_B),
                endpoint("POST /api/exercises/{exerciseId}/submission/file", "file upload exercise",
                        w -> Call.upload("/api/exercises/" + w.upload + "/submission/file", "mine.pdf", "%PDF mine")
                                .withIdempotencyKey())
                        .allow(STUDENTS),
                endpoint("GET /api/submissions/{submissionId}/file", "A's uploaded file",
                        w -> Call.get("/api/submissions/" + w.fileSubmissionA + "/file"))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN)
                        .notFoundFor(OUTSIDER, STUDENT_B));
    }

    private static List<Endpoint> quizzes() {
        return List.of(
                endpoint("POST /api/courses/{courseId}/quizzes", "a new quiz",
                        w -> Call.post("/api/courses/" + w.course + "/quizzes", World.quiz(60)))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/quizzes/{id}", "quiz with solutions", w -> Call.get("/api/quizzes/" + w.draftQuiz))
                        .allow(STAFF),
                endpoint("GET /api/quizzes/{id}/live", "quiz not started",
                        w -> Call.get("/api/quizzes/" + w.draftQuiz + "/live"))
                        .allow(MEMBERS)
                        .hiding(w -> "Banana", STUDENT_A, STUDENT_B),
                endpoint("GET /api/exercises/{exerciseId}", "running quiz",
                        w -> Call.get("/api/exercises/" + w.runningQuiz))
                        .allow(MEMBERS)
                        .hiding(w -> "\"correct\"", STUDENT_A, STUDENT_B)
                        .hiding(w -> "Kiwi", STUDENT_A, STUDENT_B),
                endpoint("PUT /api/quizzes/{id}", "quiz not started", w -> Call.put("/api/quizzes/" + w.draftQuiz,
                        World.quiz(90)))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/quizzes/{id}", "a new quiz",
                        w -> Call.delete("/api/quizzes/" + w.freshQuiz()))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/quizzes/{id}/start", "a new quiz",
                        w -> Call.post("/api/quizzes/" + w.freshQuiz() + "/start", ""))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/quizzes/{id}/end", "a running quiz",
                        w -> Call.post("/api/quizzes/" + w.freshRunningQuiz() + "/end", ""))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/quizzes/{id}/live", "running quiz A answered",
                        w -> Call.get("/api/quizzes/" + w.runningQuiz + "/live"))
                        .allow(MEMBERS)
                        .hiding(w -> "\"correct\"", STUDENT_A, STUDENT_B)
                        .hiding(w -> "Kiwi", STUDENT_A, STUDENT_B)
                        .hiding(w -> "\"submissionId\":" + w.quizSubmissionA + ",", STUDENT_B, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("PUT /api/quizzes/{id}/submission", "running quiz",
                        w -> Call.put("/api/quizzes/" + w.runningQuiz + "/submission", w.runningQuizAnswers)
                                .withIdempotencyKey())
                        .allow(STUDENTS),
                endpoint("GET /api/quizzes/{id}/submission", "running quiz A answered",
                        w -> Call.get("/api/quizzes/" + w.runningQuiz + "/submission"))
                        .allow(STUDENTS)
                        .hiding(w -> "\"submissionId\":" + w.quizSubmissionA + ",", STUDENT_B),
                endpoint("GET /api/quizzes/{id}/statistics", "running quiz",
                        w -> Call.get("/api/quizzes/" + w.runningQuiz + "/statistics"))
                        .allow(STAFF));
    }

    private static List<Endpoint> exams() {
        return List.of(
                endpoint("POST /api/courses/{courseId}/exams", "a new exam",
                        w -> Call.post("/api/courses/" + w.course + "/exams", w.examBody))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/courses/{courseId}/exams", "the course",
                        w -> Call.get("/api/courses/" + w.course + "/exams"))
                        .allow(MEMBERS)
                        .hiding(w -> w.hiddenExamTitle, STUDENT_A, STUDENT_B)
                        .hiding(w -> w.examTitle, STUDENT_B),
                endpoint("GET /api/exams/{examId}", "running exam A is registered for",
                        w -> Call.get("/api/exams/" + w.exam))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("GET /api/exams/{examId}", "exam not visible yet, A registered",
                        w -> Call.get("/api/exams/" + w.hiddenExam))
                        .allow(STAFF)
                        .notFoundFor(STUDENT_A, STUDENT_B),
                endpoint("GET /api/exams/{examId}/student-exam", "exam not visible yet, A registered",
                        w -> Call.get("/api/exams/" + w.hiddenExam + "/student-exam"))
                        .notFoundFor(STUDENT_A, STUDENT_B, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("GET /api/exams/{examId}/announcements", "exam not visible yet, A registered",
                        w -> Call.get("/api/exams/" + w.hiddenExam + "/announcements"))
                        .allow(STAFF)
                        .notFoundFor(STUDENT_A, STUDENT_B),
                endpoint("PUT /api/exams/{examId}", "running exam, unchanged",
                        w -> Call.put("/api/exams/" + w.exam, w.examBody))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/exams/{examId}", "a new exam",
                        w -> Call.delete("/api/exams/" + w.freshExam()))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/exercise-groups", "a new exam",
                        w -> Call.post("/api/exams/" + w.freshExam() + "/exercise-groups", "{\"title\":\"Task\"}"))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/exams/{examId}/exercise-groups", "running exam (all variants)",
                        w -> Call.get("/api/exams/" + w.exam + "/exercise-groups"))
                        .allow(STAFF),
                endpoint("POST /api/exercise-groups/{groupId}/exercises", "a variant in the running exam",
                        w -> Call.post("/api/exercise-groups/" + w.examGroup + "/exercises",
                                "{\"type\":\"TEXT\",\"title\":\"Variant\",\"maxPoints\":10}"))
                        .allow(INSTRUCTORS),
                endpoint("PUT /api/exercise-groups/{groupId}", "a group of the exam not started yet",
                        w -> Call.put("/api/exercise-groups/" + w.freshFutureGroup(), "{\"title\":\"Task 2\"}"))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/exercise-groups/{groupId}", "a group of the exam not started yet",
                        w -> Call.delete("/api/exercise-groups/" + w.freshFutureGroup()))
                        .allow(INSTRUCTORS),
                endpoint("PUT /api/exercise-groups/{groupId}/exercises/{exerciseId}", "an exercise not started yet",
                        w -> Call.put(w.freshFutureExercisePath(),
                                "{\"type\":\"TEXT\",\"title\":\"Fixed\",\"maxPoints\":10}"))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/exercise-groups/{groupId}/exercises/{exerciseId}", "an exercise not started yet",
                        w -> Call.delete(w.freshFutureExercisePath()))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/registrations", "A again",
                        w -> Call.post("/api/exams/" + w.exam + "/registrations",
                                json(Map.of("logins", List.of(w.login(STUDENT_A))))))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/exams/{examId}/registrations/{login}", "a new student, not started",
                        w -> Call.delete(w.freshRegistrationPath()))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/exams/{examId}/registrations", "running exam",
                        w -> Call.get("/api/exams/" + w.exam + "/registrations"))
                        .allow(STAFF),
                endpoint("POST /api/exams/{examId}/student-exams/generate", "running exam",
                        w -> Call.post("/api/exams/" + w.exam + "/student-exams/generate", ""))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/exams/{examId}/student-exams", "running exam",
                        w -> Call.get("/api/exams/" + w.exam + "/student-exams"))
                        .allow(STAFF),
                endpoint("GET /api/exams/{examId}/student-exam", "A's student exam",
                        w -> Call.get("/api/exams/" + w.exam + "/student-exam"))
                        .allow(STUDENT_A),
                endpoint("POST /api/exams/{examId}/student-exam/start", "A's student exam",
                        w -> Call.post("/api/exams/" + w.exam + "/student-exam/start", ""))
                        .allow(STUDENT_A),
                endpoint("PUT /api/exams/{examId}/exercises/{exerciseId}/submission", "A's exam exercise",
                        w -> Call.put("/api/exams/" + w.exam + "/exercises/" + w.examExercise + "/submission",
                                "{\"text\":\"answer\"}").withIdempotencyKey())
                        .allow(STUDENT_A),
                endpoint("POST /api/exams/{examId}/exercises/{exerciseId}/submission/file", "A's exam file upload",
                        w -> Call.upload(w.freshExamUploadPath(), "mine.pdf", "%PDF mine").withIdempotencyKey())
                        .allow(STUDENT_A),
                endpoint("POST /api/exams/{examId}/exercises/{exerciseId}/submission/file", "own test run's upload",
                        w -> Call.upload(w.freshExamUploadPath() + "?testRun=true", "trial.pdf", "%PDF trial")
                                .withIdempotencyKey())
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/student-exam/hand-in", "A's started student exam",
                        w -> Call.post("/api/exams/" + w.freshStartedExam() + "/student-exam/hand-in", ""))
                        .allow(STUDENT_A),
                endpoint("GET /api/exams/{examId}/student-exam", "own test run",
                        w -> Call.get("/api/exams/" + w.exam + "/student-exam?testRun=true"))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/student-exam/start", "own test run",
                        w -> Call.post("/api/exams/" + w.exam + "/student-exam/start?testRun=true", ""))
                        .allow(INSTRUCTORS),
                endpoint("PUT /api/exams/{examId}/exercises/{exerciseId}/submission", "own test run",
                        w -> Call.put("/api/exams/" + w.exam + "/exercises/" + w.examExercise
                                + "/submission?testRun=true", "{\"text\":\"trial\"}").withIdempotencyKey())
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/student-exam/hand-in", "own started test run",
                        w -> Call.post("/api/exams/" + w.freshStartedExam() + "/student-exam/hand-in?testRun=true", ""))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/test-runs", "running exam",
                        w -> Call.post("/api/exams/" + w.exam + "/test-runs", ""))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/exams/{examId}/announcements", "running exam",
                        w -> Call.post("/api/exams/" + w.exam + "/announcements", "{\"text\":\"Note\"}"))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/exams/{examId}/announcements", "running exam",
                        w -> Call.get("/api/exams/" + w.exam + "/announcements"))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("PUT /api/exams/{examId}/announcements/{announcementId}",
                        "a new announcement of the running exam",
                        w -> Call.put("/api/exams/" + w.exam + "/announcements/" + w.freshAnnouncement(),
                                "{\"text\":\"Corrected\"}"))
                        .allow(INSTRUCTORS),
                endpoint("PUT /api/exams/{examId}/announcements/{announcementId}",
                        "an announcement of the running exam under an exam of another course the instructor teaches",
                        w -> Call.put("/api/exams/" + w.otherCourseExam + "/announcements/" + w.freshAnnouncement(),
                                "{\"text\":\"Corrected\"}"))
                        .notFoundFor(INSTRUCTOR, ADMIN),
                endpoint("DELETE /api/exams/{examId}/announcements/{announcementId}",
                        "a new announcement of the running exam",
                        w -> Call.delete("/api/exams/" + w.exam + "/announcements/" + w.freshAnnouncement()))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/exams/{examId}/announcements/{announcementId}",
                        "an announcement of the running exam under an exam of another course the instructor teaches",
                        w -> Call.delete("/api/exams/" + w.otherCourseExam + "/announcements/"
                                + w.freshAnnouncement()))
                        .notFoundFor(INSTRUCTOR, ADMIN),
                endpoint("PUT /api/exams/{examId}/student-exams/{studentExamId}/working-time", "A's student exam",
                        w -> Call.put("/api/exams/" + w.exam + "/student-exams/" + w.studentExamA + "/working-time",
                                "{\"workingTimeSeconds\":7200}"))
                        .allow(INSTRUCTORS),
                endpoint("PUT /api/exams/{examId}/student-exams/{studentExamId}/working-time",
                        "A's student exam under an exam of another course the instructor teaches",
                        w -> Call.put("/api/exams/" + w.otherCourseExam + "/student-exams/" + w.studentExamA
                                + "/working-time", "{\"workingTimeSeconds\":60}"))
                        .notFoundFor(INSTRUCTOR, ADMIN),
                endpoint("PUT /api/exams/{examId}/working-time", "running exam",
                        w -> Call.put("/api/exams/" + w.exam + "/working-time", "{\"workingTimeSeconds\":7200}"))
                        .allow(INSTRUCTORS),
                endpoint("GET /api/exams/{examId}/figures", "running exam",
                        w -> Call.get("/api/exams/" + w.exam + "/figures"))
                        .allow(STAFF));
    }

    private static List<Endpoint> teams() {
        return List.of(
                endpoint("POST /api/exercises/{exerciseId}/teams", "a team of a new student",
                        w -> Call.post("/api/exercises/" + w.teamExercise + "/teams",
                                json(Map.of("name", TestData.unique("T"), "memberLogins", List.of(w.freshStudent())))))
                        .allow(STAFF),
                endpoint("GET /api/exercises/{exerciseId}/teams", "team exercise",
                        w -> Call.get("/api/exercises/" + w.teamExercise + "/teams"))
                        .allow(STAFF),
                endpoint("GET /api/exercises/{exerciseId}/teams/mine", "A in Red, B in Blue",
                        w -> Call.get("/api/exercises/" + w.teamExercise + "/teams/mine"))
                        .allow(STUDENTS)
                        .notFoundFor(TUTOR, INSTRUCTOR, ADMIN)
                        .hiding(w -> w.login(STUDENT_A), STUDENT_B)
                        .hiding(w -> w.login(STUDENT_B), STUDENT_A),
                endpoint("PUT /api/teams/{teamId}", "Red, owned by TUTOR, renamed only",
                        w -> Call.put("/api/teams/" + w.redTeam, json(Map.of("name", "Red",
                                "memberLogins", List.of(w.login(STUDENT_A), w.redPartner)))))
                        .allow(STAFF),
                endpoint("PUT /api/teams/{teamId}", "Blue, owned by another tutor",
                        w -> Call.put("/api/teams/" + w.blueTeam, json(Map.of("name", "Blue",
                                "memberLogins", List.of(w.login(STUDENT_B), w.bluePartner)))))
                        .allow(INSTRUCTORS),
                endpoint("DELETE /api/teams/{teamId}", "a new team owned by TUTOR",
                        w -> Call.delete("/api/teams/" + w.freshTeam(true)))
                        .allow(STAFF),
                endpoint("DELETE /api/teams/{teamId}", "a new team owned by another tutor",
                        w -> Call.delete("/api/teams/" + w.freshTeam(false)))
                        .allow(INSTRUCTORS));
    }

    private static List<Endpoint> assessment() {
        return List.of(
                endpoint("GET /api/exercises/{exerciseId}/submissions", "essay",
                        w -> Call.get("/api/exercises/" + w.essay + "/submissions"))
                        .allow(STAFF),
                endpoint("GET /api/submissions/{submissionId}", "A's essay",
                        w -> Call.get("/api/submissions/" + w.essaySubmissionA))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN)
                        .notFoundFor(OUTSIDER, STUDENT_B),
                endpoint("GET /api/submissions/{submissionId}", "A's file upload",
                        w -> Call.get("/api/submissions/" + w.fileSubmissionA))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN)
                        .notFoundFor(OUTSIDER, STUDENT_B),
                endpoint("GET /api/submissions/{submissionId}", "team Red's work",
                        w -> Call.get("/api/submissions/" + w.redTeamSubmission))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN)
                        .notFoundFor(OUTSIDER, STUDENT_B),
                endpoint("GET /api/submissions/{submissionId}", "A's quiz answers",
                        w -> Call.get("/api/submissions/" + w.quizSubmissionA))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN)
                        .notFoundFor(OUTSIDER, STUDENT_B),
                endpoint("GET /api/submissions/{submissionId}", "A's exam answer",
                        w -> Call.get("/api/submissions/" + w.examSubmissionA))
                        .allow(STUDENT_A, TUTOR, INSTRUCTOR, ADMIN)
                        .notFoundFor(OUTSIDER, STUDENT_B),
                endpoint("PUT /api/submissions/{submissionId}/assessment", "A's essay",
                        w -> Call.put("/api/submissions/" + w.essaySubmissionA + "/assessment",
                                "{\"score\":7,\"feedback\":[{\"reference\":\"intro\",\"text\":\"Good\",\"credits\":7}]}"))
                        .allow(STAFF)
                        .notFoundFor(OUTSIDER, STUDENT_A, STUDENT_B),
                endpoint("GET /api/exercises/{exerciseId}/result", "essay, A assessed",
                        w -> Call.get("/api/exercises/" + w.essay + "/result"))
                        .allow(STUDENT_A)
                        .notFoundFor(STUDENT_B, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("GET /api/exercises/{exerciseId}/result", "exam exercise, A assessed",
                        w -> Call.get("/api/exercises/" + w.examExercise + "/result"))
                        .notFoundFor(STUDENT_A, STUDENT_B, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("GET /api/exercises/{exerciseId}/results", "exam exercise, A assessed",
                        w -> Call.get("/api/exercises/" + w.examExercise + "/results"))
                        .allow(STAFF),
                endpoint("GET /api/exercises/{exerciseId}/result", "A assessed before the assessment due date",
                        w -> Call.get("/api/exercises/" + w.lateEssay + "/result"))
                        .notFoundFor(STUDENT_A, STUDENT_B, TUTOR, INSTRUCTOR, ADMIN),
                endpoint("GET /api/courses/{courseId}/results", "own results",
                        w -> Call.get("/api/courses/" + w.course + "/results"))
                        .allow(MEMBERS)
                        .hiding(w -> "\"id\":" + w.essayResultA + ",", STUDENT_B, TUTOR, INSTRUCTOR, ADMIN)
                        .hiding(w -> "\"id\":" + w.examResultA + ",", STUDENT_A)
                        .hiding(w -> "\"id\":" + w.lateResultA + ",", STUDENT_A),
                endpoint("GET /api/exercises/{exerciseId}/results", "essay",
                        w -> Call.get("/api/exercises/" + w.essay + "/results"))
                        .allow(STAFF));
    }

    private static List<Endpoint> notifications() {
        return List.of(
                endpoint("GET /api/notifications", "own and the courses'", w -> Call.get("/api/notifications"))
                        .allow(LOGGED_IN)
                        .hiding(w -> w.noteForA, STUDENT_B, TUTOR, INSTRUCTOR, ADMIN, OUTSIDER)
                        .hiding(w -> w.courseNote, OUTSIDER),
                endpoint("POST /api/courses/{courseId}/notifications", "the course",
                        w -> Call.post("/api/courses/" + w.course + "/notifications",
                                "{\"title\":\"Moved\",\"text\":\"Room 101\"}"))
                        .allow(INSTRUCTORS),
                endpoint("POST /api/admin/notifications", "A",
                        w -> Call.post("/api/admin/notifications", json(Map.of("recipient", w.login(STUDENT_A),
                                "title", "Ping", "text", "Delivery check"))))
                        .allow(ADMIN),
                endpoint("POST /api/admin/nodes/self/reconnect-clients", "this node's clients",
                        w -> Call.post("/api/admin/nodes/self/reconnect-clients?windowSeconds=30", ""))
                        .allow(ADMIN),
                endpoint("POST /api/admin/users/{login}/log-out-everywhere", "a user of its own",
                        w -> Call.post("/api/admin/users/" + w.freshUser() + "/log-out-everywhere", ""))
                        .allow(ADMIN));
    }
}
