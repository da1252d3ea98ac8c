package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exam.ExamScenario.Member;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A student's way through an exam and its time rules, written once and run on each database: {@link ExamFlowIT}
 * (H2) and {@link ExamFlowPostgresIT} (PostgreSQL). Spring injects the {@code @Autowired} parameters.
 */
interface ExamFlow {

    int serverPort();

    private ExamScenario scenario(TestData data, JdbcTemplate jdbc) {
        return new ExamScenario(new ExamHttp(serverPort()), new LecternClient("http://127.0.0.1:" + serverPort()),
                data, jdbc);
    }

    @Test
    default void shouldTakeAStudentFromStartThroughVersionedSavesToHandIn(@Autowired TestData data,
            @Autowired JdbcTemplate jdbc) {
        ExamScenario exam = scenario(data, jdbc);
        long examId = exam.runningExam();
        long textExercise = exam.groups(examId, 1).get(0).get(0);
        long modelingExercise = exam.exercise(exam.group(examId, "Modeling"), "MODELING");
        Member student = exam.registeredStudent(examId);

        JsonNode before = exam.studentExam(examId, student);
        assertThat(before.get("startedAt").isNull()).isTrue();
        assertThat(before.get("exercises").get(0).get("problemStatement").isNull()).isTrue();
        assertThat(exam.saveText(examId, textExercise, student, "k0", "too early").statusCode()).isEqualTo(409);
        assertThat(exam.savedVersions(examId, student)).isZero();

        JsonNode started = exam.start(examId, student);
        Instant startedAt = Instant.parse(started.get("startedAt").asString());
        assertThat(Instant.parse(started.get("individualEnd").asString())).isEqualTo(startedAt.plusSeconds(3600));
        assertThat(started.get("exercises").get(0).get("problemStatement").asString()).startsWith("Solve");
        assertThat(exam.start(examId, student).get("startedAt").asString()).isEqualTo(started.get("startedAt").asString());

        JsonNode first = ExamHttp.json(exam.saveText(examId, textExercise, student, "k1", "draft"));
        JsonNode replay = ExamHttp.json(exam.saveText(examId, textExercise, student, "k1", "other"));
        JsonNode second = ExamHttp.json(exam.saveText(examId, textExercise, student, "k2", "final"));
        HttpResponse<String> model = exam.http.save("/api/exams/" + examId + "/exercises/" + modelingExercise
                + "/submission", student.token(), "m1", Map.of("model", Map.of("classes", List.of("A", "B"))));

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("replayed").asBoolean()).isFalse();
        assertThat(replay.get("submissionId").asLong()).isEqualTo(first.get("submissionId").asLong());
        assertThat(replay.get("replayed").asBoolean()).isTrue();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(model.statusCode()).as(model.body()).isEqualTo(200);
        // Live saves reach the database a moment after they are acknowledged.
        await().untilAsserted(() -> assertThat(exam.savedVersions(examId, student)).isEqualTo(3));
        JsonNode latest = exam.studentExam(examId, student).get("exercises").get(0).get("latestSave");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("content").asString()).isEqualTo("final");

        HttpResponse<String> handIn = exam.handIn(examId, student);
        assertThat(handIn.statusCode()).as(handIn.body()).isEqualTo(200);
        assertThat(ExamHttp.json(handIn).get("submitted").asBoolean()).isTrue();
        assertThat(exam.saveText(examId, textExercise, student, "k3", "late").statusCode()).isEqualTo(409);
        assertThat(exam.handIn(examId, student).statusCode()).isEqualTo(409);
        // Live saves reach the database a moment after they are acknowledged.
        await().untilAsserted(() -> assertThat(exam.savedVersions(examId, student)).isEqualTo(3));
    }

    @Test
    default void shouldRefuseSaveAndHandInWhenWorkingTimeAndGraceAreOver(@Autowired TestData data,
            @Autowired JdbcTemplate jdbc) {
        ExamScenario exam = scenario(data, jdbc);
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        Member student = exam.registeredStudent(examId);
        exam.start(examId, student);
        long exercise = exam.firstExercise(examId, student);
        exam.startedAgo(examId, student, Duration.ofSeconds(3600 + 180 + 60));

        HttpResponse<String> save = exam.saveText(examId, exercise, student, "k1", "late");

        assertThat(save.statusCode()).isEqualTo(409);
        assertThat(ExamHttp.json(save).get("detail").asString()).contains("working time is over");
        assertThat(exam.handIn(examId, student).statusCode()).isEqualTo(409);
        assertThat(exam.savedVersions(examId, student)).isZero();
        assertThat(exam.studentExam(examId, student).get("submitted").asBoolean()).isFalse();
    }

    @Test
    default void shouldAcceptSaveAndHandInWithinTheGracePeriod(@Autowired TestData data,
            @Autowired JdbcTemplate jdbc) {
        ExamScenario exam = scenario(data, jdbc);
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        Member student = exam.registeredStudent(examId);
        exam.start(examId, student);
        long exercise = exam.firstExercise(examId, student);
        exam.startedAgo(examId, student, Duration.ofSeconds(3600 + 60));

        assertThat(exam.saveText(examId, exercise, student, "k1", "in grace").statusCode()).isEqualTo(200);
        assertThat(exam.handIn(examId, student).statusCode()).isEqualTo(200);
        // Live saves reach the database a moment after they are acknowledged.
        await().untilAsserted(() -> assertThat(exam.savedVersions(examId, student)).isEqualTo(1));
    }

    @Test
    default void shouldLetAnExtendedStudentSaveWhenTheirTimeWasOver(@Autowired TestData data,
            @Autowired JdbcTemplate jdbc) {
        ExamScenario exam = scenario(data, jdbc);
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        Member student = exam.registeredStudent(examId);
        long studentExamId = exam.start(examId, student).get("id").asLong();
        long exercise = exam.firstExercise(examId, student);
        exam.startedAgo(examId, student, Duration.ofHours(2));
        assertThat(exam.saveText(examId, exercise, student, "k1", "refused").statusCode()).isEqualTo(409);

        HttpResponse<String> extension = exam.http.put("/api/exams/" + examId + "/student-exams/" + studentExamId
                + "/working-time", exam.instructor, Map.of("workingTimeSeconds", 3 * 3600));

        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(200);
        assertThat(exam.saveText(examId, exercise, student, "k1", "now fine").statusCode()).isEqualTo(200);
        assertThat(exam.studentExam(examId, student).get("workingTimeSeconds").asInt()).isEqualTo(3 * 3600);
    }

    @Test
    default void shouldDrawExactlyOneVariantPerGroupAndGenerateOnlyOnce(@Autowired TestData data,
            @Autowired JdbcTemplate jdbc) {
        ExamScenario exam = scenario(data, jdbc);
        long examId = exam.runningExam();
        List<List<Long>> groups = exam.groups(examId, 2, 3, 1);
        Member[] students = new Member[12];
        for (int i = 0; i < students.length; i++) {
            students[i] = new Member(data.newMember(exam.courseId, CourseRole.STUDENT), null);
        }
        exam.register(examId, students);

        assertThat(exam.generate(examId)).isEqualTo(12);
        assertThat(exam.generate(examId)).isZero();

        JsonNode page = ExamHttp.json(exam.http.get("/api/exams/" + examId + "/student-exams?size=100",
                exam.instructor));
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(12);
        Set<Long> owners = new HashSet<>();
        for (JsonNode studentExam : page.get("content")) {
            owners.add(studentExam.get("userId").asLong());
            JsonNode drawn = studentExam.get("exerciseIds");
            assertThat(drawn).hasSize(3);
            for (int g = 0; g < 3; g++) {
                assertThat(groups.get(g)).contains(drawn.get(g).asLong());
            }
        }
        assertThat(owners).hasSize(12);
    }

    @Test
    default void shouldRegisterAndGenerateFifteenHundredStudentsInSeconds(@Autowired TestData data,
            @Autowired JdbcTemplate jdbc) {
        ExamScenario exam = scenario(data, jdbc);
        long examId = exam.runningExam();
        exam.groups(examId, 2, 3, 1);
        List<String> logins = exam.bulkStudents(1500);

        long before = System.nanoTime();
        HttpResponse<String> registered = exam.http.post("/api/exams/" + examId + "/registrations", exam.instructor,
                Map.of("logins", logins));
        long registeredAt = System.nanoTime();
        int created = exam.generate(examId);
        Duration generation = Duration.ofNanos(System.nanoTime() - registeredAt);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(Duration.ofNanos(registeredAt - before)).isLessThan(Duration.ofSeconds(30));
        assertThat(created).isEqualTo(1500);
        // Generous for a loaded CI machine; one student exam at a time (N+1) takes far longer.
        assertThat(generation).isLessThan(Duration.ofSeconds(10));
        assertThat(jdbc.queryForObject("""
                select count(*) from student_exams s where s.exam_id = ?
                and (select count(*) from student_exam_exercises x where x.student_exam_id = s.id) <> 3""",
                Long.class, examId)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from student_exam_exercises x join student_exams s on x.student_exam_id = s.id
                join exercises e on x.exercise_id = e.id join exercise_groups g on e.exercise_group_id = g.id
                where s.exam_id = ? and (g.exam_id <> s.exam_id or g.position <> x.position)""",
                Long.class, examId)).isZero();
    }
}
