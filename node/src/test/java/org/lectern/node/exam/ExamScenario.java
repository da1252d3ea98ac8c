package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A fresh course with an instructor, and the steps of setting up an exam through the API. Times are relative to
 * the real now with margins of minutes, and a student's start is moved back in time directly in the database, so
 * no test waits for a clock.
 */
final class ExamScenario {

    final ExamHttp http;
    final TestData data;
    final JdbcTemplate jdbc;
    final LecternClient login;
    final long courseId;
    final String instructor;

    ExamScenario(ExamHttp http, LecternClient login, TestData data, JdbcTemplate jdbc) {
        this.http = http;
        this.login = login;
        this.data = data;
        this.jdbc = jdbc;
        this.courseId = data.newCourse();
        this.instructor = tokenOf(data.newMember(courseId, CourseRole.INSTRUCTOR));
    }

    String tokenOf(UserSummary user) {
        return login.tokenFor(user.login(), TestData.PASSWORD);
    }

    /** A member of this course with the role, logged in. */
    Member member(CourseRole role) {
        UserSummary user = data.newMember(courseId, role);
        return new Member(user, tokenOf(user));
    }

    /** An exam that is running: visible 2 h ago, started 1 h ago, ends in 1 h; working time 1 h, grace 180 s. */
    long runningExam() {
        Instant now = Instant.now();
        return exam(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)),
                3600);
    }

    long exam(Instant visible, Instant start, Instant end, Integer workingTimeSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Exam");
        body.put("visibleDate", visible.toString());
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("workingTimeSeconds", workingTimeSeconds);
        HttpResponse<String> response = http.post("/api/courses/" + courseId + "/exams", instructor, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ExamHttp.json(response).get("id").asLong();
    }

    long group(long examId, String title) {
        HttpResponse<String> response = http.post("/api/exams/" + examId + "/exercise-groups", instructor,
                Map.of("title", title, "mandatory", true));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ExamHttp.json(response).get("id").asLong();
    }

    long exercise(long groupId, String type) {
        HttpResponse<String> response = http.post("/api/exercise-groups/" + groupId + "/exercises", instructor,
                Map.of("type", type, "title", type + " task", "problemStatement", "Solve " + groupId,
                        "maxPoints", 10));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ExamHttp.json(response).get("id").asLong();
    }

    /** Groups with these numbers of TEXT variants; answers each group's exercise ids, in group order. */
    List<List<Long>> groups(long examId, int... variants) {
        List<List<Long>> groups = new ArrayList<>();
        for (int g = 0; g < variants.length; g++) {
            long groupId = group(examId, "Group " + (g + 1));
            List<Long> exercises = new ArrayList<>();
            for (int v = 0; v < variants[g]; v++) {
                exercises.add(exercise(groupId, "TEXT"));
            }
            groups.add(exercises);
        }
        return groups;
    }

    void register(long examId, Member... students) {
        List<String> logins = Arrays.stream(students).map(student -> student.user().login()).toList();
        HttpResponse<String> response = http.post("/api/exams/" + examId + "/registrations", instructor,
                Map.of("logins", logins));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    int generate(long examId) {
        HttpResponse<String> response = http.post("/api/exams/" + examId + "/student-exams/generate", instructor,
                "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ExamHttp.json(response).get("created").asInt();
    }

    /** A registered student with a generated student exam in this exam. */
    Member registeredStudent(long examId) {
        Member student = member(CourseRole.STUDENT);
        register(examId, student);
        generate(examId);
        return student;
    }

    JsonNode studentExam(long examId, Member student) {
        HttpResponse<String> response = http.get("/api/exams/" + examId + "/student-exam", student.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ExamHttp.json(response);
    }

    JsonNode start(long examId, Member student) {
        HttpResponse<String> response = http.post("/api/exams/" + examId + "/student-exam/start", student.token(),
                "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ExamHttp.json(response);
    }

    /** The id of the first exercise drawn for the student. */
    long firstExercise(long examId, Member student) {
        return studentExam(examId, student).get("exercises").get(0).get("id").asLong();
    }

    HttpResponse<String> saveText(long examId, long exerciseId, Member student, String key, String text) {
        return http.save("/api/exams/" + examId + "/exercises/" + exerciseId + "/submission", student.token(), key,
                Map.of("text", text));
    }

    HttpResponse<String> handIn(long examId, Member student) {
        return http.post("/api/exams/" + examId + "/student-exam/hand-in", student.token(), "{}");
    }

    /** Pretends the student started this long ago, by moving their start back in the database. */
    void startedAgo(long examId, Member student, Duration ago) {
        jdbc.update("update student_exams set started_at = ? where exam_id = ? and user_id = ? and test_run = false",
                OffsetDateTime.now(ZoneOffset.UTC).minus(ago), examId, student.user().id());
    }

    /** How many versions the student has saved in this exam, straight from the database. */
    long savedVersions(long examId, Member student) {
        return jdbc.queryForObject("""
                select count(*) from submissions s join participations p on s.participation_id = p.id
                join exercises e on p.exercise_id = e.id join exercise_groups g on e.exercise_group_id = g.id
                where g.exam_id = ? and p.student_id = ?""", Long.class, examId, student.user().id());
    }

    /**
     * Many students of this course at once, written straight to the database: creating them one by one through
     * the user directory would spend minutes hashing passwords. They cannot log in; they only take up seats.
     */
    List<String> bulkStudents(int count) {
        String prefix = TestData.unique("bulk");
        List<String> logins = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String login = prefix + "-" + i;
            logins.add(login);
            rows.add(new Object[] {login, OffsetDateTime.now(ZoneOffset.UTC)});
        }
        jdbc.batchUpdate("insert into users (login, name, password_hash, admin, created_at) values (?, 'Bulk', '-', false, ?)",
                rows);
        jdbc.update("""
                insert into course_members (course_id, user_id, role)
                select ?, id, 'STUDENT' from users where login like ?""", courseId, prefix + "-%");
        return logins;
    }

    record Member(UserSummary user, String token) {
    }
}
