package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exam.ExamScenario.Member;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.RestartablePostgres;
import org.lectern.node.support.TestCluster;
import org.lectern.node.support.TestData;
import org.lectern.node.support.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stops while students work on two nodes of one cluster: exam saves and quiz answers over HTTP are
 * acknowledged from what the cluster knows (on the other node than the one that learned it), with versions
 * continuing; a student no node has seen and a student who handed in are refused as the database would refuse
 * them, or with 503; and every acknowledged save is in the database once it is back.
 */
class DatabaseOutageSavesPostgresIT {

    private static final String QUIZ = """
            {"title":"Outage quiz","durationSeconds":3600,"questions":[
              {"type":"SINGLE_CHOICE","text":"Which fruit is yellow?","points":1,
               "options":[{"text":"Banana","correct":true},{"text":"Cherry","correct":false}]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldAcknowledgeKnownSavesAndRefuseTheRestWhenTheDatabaseIsStoppedThenStoreThemWhenItReturns() {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("postgres"));
                TestCluster cluster = TestCluster.start(2, "outage-http", dir, postgres.jdbcUrl(),
                        Map.of("spring.datasource.hikari.connection-timeout", "2000"))) {
            ConfigurableApplicationContext nodeA = cluster.node(0);
            JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
            TestData data = nodeA.getAutowireCapableBeanFactory().createBean(TestData.class);
            int portA = TestNodes.httpPort(nodeA);
            int portB = TestNodes.httpPort(cluster.node(1));
            ExamHttp httpA = new ExamHttp(portA);
            ExamHttp httpB = new ExamHttp(portB);
            ExamScenario scenario = new ExamScenario(httpA, new LecternClient(cluster.baseUrl(0)), data, jdbc);

            long examId = scenario.runningExam();
            scenario.groups(examId, 1);
            Member examStudent = scenario.member(CourseRole.STUDENT);
            Member handedIn = scenario.member(CourseRole.STUDENT);
            Member quizStudent = scenario.member(CourseRole.STUDENT);
            Member neverSeen = scenario.member(CourseRole.STUDENT);
            scenario.register(examId, examStudent, handedIn);
            scenario.generate(examId);
            scenario.start(examId, examStudent);
            scenario.start(examId, handedIn);
            long examExercise = scenario.firstExercise(examId, examStudent);
            long handedInExercise = scenario.firstExercise(examId, handedIn);

            JsonNode quiz = ExamHttp.json(httpA.post("/api/courses/" + scenario.courseId + "/quizzes",
                    scenario.instructor, QUIZ));
            long quizId = quiz.get("id").asLong();
            assertThat(httpA.post("/api/quizzes/" + quizId + "/start", scenario.instructor, "{}").statusCode())
                    .isEqualTo(200);
            JsonNode question = quiz.get("questions").get(0);
            long questionId = question.get("id").asLong();
            long banana = question.get("options").get(0).get("id").asLong();
            long cherry = question.get("options").get(1).get("id").asLong();

            // With the database: each learns on node A what node B will need.
            assertSaved(saveExam(httpA, examId, examExercise, examStudent, "exam-1", "first"), 1);
            assertSaved(answer(httpA, quizId, quizStudent, "quiz-1", questionId, banana), 1);
            assertSaved(saveExam(httpA, examId, handedInExercise, handedIn, "handed-1", "all I know"), 1);
            assertThat(scenario.handIn(examId, handedIn).statusCode()).isEqualTo(200);

            postgres.stop();

            assertSaved(saveExam(httpB, examId, examExercise, examStudent, "exam-2", "second"), 2);
            assertSaved(saveExam(httpB, examId, examExercise, examStudent, "exam-3", "third"), 3);
            assertSaved(answer(httpB, quizId, quizStudent, "quiz-2", questionId, cherry), 2);
            HttpResponse<String> retried = saveExam(httpA, examId, examExercise, examStudent, "exam-2", "second");
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            assertThat(ExamHttp.json(retried).get("version").asInt()).isEqualTo(2);
            assertThat(ExamHttp.json(retried).get("replayed").asBoolean()).isTrue();

            HttpResponse<String> unknown = answer(httpB, quizId, neverSeen, "never-1", questionId, banana);
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(503);
            assertThat(unknown.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(ExamHttp.json(unknown).get("detail").asString())
                    .isEqualTo("The database is unavailable; your work was not saved, the page retries.");

            HttpResponse<String> afterHandIn = saveExam(httpB, examId, handedInExercise, handedIn, "handed-2",
                    "too late");
            assertThat(afterHandIn.statusCode()).as(afterHandIn.body()).isEqualTo(409);
            assertThat(ExamHttp.json(afterHandIn).get("detail").asString())
                    .isEqualTo("You have handed the exam in already.");

            postgres.start();

            // PostgreSQL refuses connections for a moment while it starts up; the flusher tries every 500 ms.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(stored(jdbc, examStudent, examExercise)).containsExactly("first", "second", "third");
                        assertThat(stored(jdbc, quizStudent, quizId)).hasSize(2);
                        assertThat(stored(jdbc, handedIn, handedInExercise)).containsExactly("all I know");
                    });
        }
    }

    private static void assertSaved(HttpResponse<String> response, int version) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode saved = ExamHttp.json(response);
        assertThat(saved.get("version").asInt()).isEqualTo(version);
        assertThat(saved.get("replayed").asBoolean()).isFalse();
    }

    private static HttpResponse<String> saveExam(ExamHttp http, long examId, long exerciseId, Member student,
            String key, String text) {
        return http.save("/api/exams/" + examId + "/exercises/" + exerciseId + "/submission", student.token(), key,
                Map.of("text", text));
    }

    private static HttpResponse<String> answer(ExamHttp http, long quizId, Member student, String key,
            long questionId, long optionId) {
        return http.save("/api/quizzes/" + quizId + "/submission", student.token(), key,
                Map.of("answers", List.of(Map.of("questionId", questionId, "optionIds", List.of(optionId)))));
    }

    /** The student's stored versions' contents in version order, straight from the database. */
    private static List<String> stored(JdbcTemplate jdbc, Member student, long exerciseId) {
        return jdbc.queryForList("""
                select s.content from submissions s join participations p on s.participation_id = p.id
                where p.student_id = ? and p.exercise_id = ? order by s.version""", String.class,
                student.user().id(), exerciseId);
    }
}
