package org.lectern.node.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import tools.jackson.databind.JsonNode;

class CsvEnrolmentIT extends NodeIntegrationTest {

    @Autowired
    TestData fixtures;

    @Autowired
    CourseService courses;

    @Autowired
    UserDirectory users;

    ApiCalls api;
    long courseId;
    String instructor;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        courseId = fixtures.newCourse();
        instructor = client().tokenFor(fixtures.newMember(courseId, CourseRole.INSTRUCTOR).login(), TestData.PASSWORD);
    }

    @Test
    void shouldEnrolAWholeExamOf1500StudentsInOneCallWithinSeconds() {
        String prefix = TestData.unique("exam");
        String csv = "login,name,role\n" + IntStream.range(0, 1500)
                .mapToObj(i -> prefix + "-" + i + ",\"Student, No. " + i + "\",student\n")
                .reduce("", String::concat);

        long start = System.nanoTime();
        HttpResponse<String> response = api.postCsv(csvPath(), instructor, csv);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = LecternClient.json(response);
        assertThat(result.get("created").asInt()).isEqualTo(1500);
        assertThat(result.get("enrolled").asInt()).isEqualTo(1500);
        assertThat(courses.members(courseId, CourseRole.STUDENT, Pageable.ofSize(1)).getTotalElements()).isEqualTo(1500);
        assertThat(users.summaryOf(prefix + "-7").name()).isEqualTo("Student, No. 7");
        // "About a second" on a quiet machine; the bound leaves room for a busy build server.
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void shouldChangeNothingAndNameTheLineWhenOneRowIsBad() {
        String prefix = TestData.unique("bad");
        String csv = "login,name,role\n"
                + prefix + "-1,One,STUDENT\n"
                + prefix + "-2,Two,PROFESSOR\n"
                + ",Nobody,STUDENT\n"
                + prefix + "-1,One Again,TUTOR\n"
                + "x".repeat(51) + ",Long,STUDENT\n";

        HttpResponse<String> response = api.postCsv(csvPath(), instructor, csv);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = LecternClient.json(response);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("line").asInt()).toList())
                .containsExactly(3, 4, 5, 6);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("column").asInt()).toList())
                .containsExactly(3, 1, 1, 1);
        assertThat(problem.get("detail").asString()).contains("line 3, column 3", "PROFESSOR");
        assertThat(users.find(prefix + "-1")).isEmpty();
        assertThat(courses.members(courseId, null, Pageable.ofSize(10)).getTotalElements()).isEqualTo(1);
    }

    @Test
    void shouldUpdateRolesOfMembersAndEnrolExistingUsersWithoutCreatingThem() {
        UserSummary student = fixtures.newMember(courseId, CourseRole.STUDENT);
        UserSummary outsider = fixtures.newUser();
        String csv = "login,name,role\r\n" + student.login() + ",Whatever,TUTOR\r\n" + outsider.login() + ",X,student\r\n";

        HttpResponse<String> response = api.postCsv(csvPath(), instructor, csv);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = LecternClient.json(response);
        assertThat(List.of(result.get("created").asInt(), result.get("enrolled").asInt(), result.get("updated").asInt()))
                .containsExactly(0, 1, 1);
        assertThat(courses.members(courseId, CourseRole.TUTOR, Pageable.ofSize(10)).map(CourseMember::login))
                .containsExactly(student.login());
        assertThat(users.summaryOf(student.login()).name()).isEqualTo(student.name());
    }

    @Test
    void shouldLetCreatedUsersLogInWithTheirPasswordAndNobodyWithoutOne() {
        String prefix = TestData.unique("pw");
        String csv = "login,name,role,password\n" + prefix + "-a,A,STUDENT,secret-a\n" + prefix + "-b,B,STUDENT,\n";

        assertThat(api.postCsv(csvPath(), instructor, csv).statusCode()).isEqualTo(200);

        assertThat(client().login(prefix + "-a", "secret-a").statusCode()).isEqualTo(200);
        assertThat(client().login(prefix + "-b", "").statusCode()).isIn(400, 401);
        assertThat(client().login(prefix + "-b", "secret-a").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAFileAboveTheLimitWith413() {
        String csv = "login,name,role\n" + "a,b,STUDENT\n".repeat(1024 * 1024 / 12 + 10); // over the 1 MB body limit

        HttpResponse<String> response = api.postCsv(csvPath(), instructor, csv);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(LecternClient.json(response).get("detail").asString()).contains("larger than this server accepts");
        assertThat(courses.members(courseId, null, Pageable.ofSize(10)).getTotalElements()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTutorsAndOtherContentTypes() {
        String tutor = client().tokenFor(fixtures.newMember(courseId, CourseRole.TUTOR).login(), TestData.PASSWORD);
        String login = TestData.unique("t");
        String csv = "login,name,role\n" + login + ",T,STUDENT\n";

        assertThat(api.postCsv(csvPath(), tutor, csv).statusCode()).isEqualTo(403);
        assertThat(client().post(csvPath(), instructor, "{}").statusCode()).isEqualTo(415);
        assertThat(users.find(login)).isEmpty();
    }

    private String csvPath() {
        return "/api/courses/" + courseId + "/members/csv";
    }
}
