package org.lectern.node.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import tools.jackson.databind.JsonNode;

class CourseManagementIT extends NodeIntegrationTest {

    @Autowired
    TestData fixtures;

    @Autowired
    CourseService courses;

    ApiCalls api;
    String adminToken;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        adminToken = client().tokenFor("admin", "demo");
    }

    String tokenOf(UserSummary user) {
        return client().tokenFor(user.login(), TestData.PASSWORD);
    }

    static String courseJson(String shortName) {
        return "{\"shortName\":\"" + shortName + "\",\"title\":\"Software Engineering\"}";
    }

    @Nested
    class Creating {

        @Test
        void shouldCreateACourseWhenAnAdministratorAsks() {
            String shortName = TestData.unique("SE").replace("-", "_");

            HttpResponse<String> response = client().post("/api/courses", adminToken, courseJson(shortName));

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode course = LecternClient.json(response);
            assertThat(course.get("shortName").asString()).isEqualTo(shortName);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/courses/" + course.get("id").asLong());
            assertThat(LecternClient.json(client().get("/api/courses/" + course.get("id").asLong(), adminToken))
                    .get("title").asString()).isEqualTo("Software Engineering");
        }

        @Test
        void shouldRefuseWith403AndCreateNothingWhenTheCallerIsNoAdministrator() {
            long courseId = fixtures.newCourse();
            String instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR));
            String shortName = TestData.unique("X");

            HttpResponse<String> refused = client().post("/api/courses", instructor, courseJson(shortName));

            assertThat(refused.statusCode()).isEqualTo(403);
            // The short name is still free, so nothing was created.
            assertThat(client().post("/api/courses", adminToken, courseJson(shortName)).statusCode()).isEqualTo(201);
        }

        @Test
        void shouldAnswer409WhenTheShortNameIsTaken() {
            String shortName = TestData.unique("D");
            client().post("/api/courses", adminToken, courseJson(shortName));

            HttpResponse<String> duplicate = client().post("/api/courses", adminToken, courseJson(shortName));

            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(duplicate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        @Test
        void shouldAnswer400WhenTheShortNameIsMalformed() {
            assertThat(client().post("/api/courses", adminToken, courseJson("no spaces allowed")).statusCode())
                    .isEqualTo(400);
            assertThat(client().post("/api/courses", adminToken, courseJson("x".repeat(31))).statusCode())
                    .isEqualTo(400);
            assertThat(client().post("/api/courses", adminToken, "{\"shortName\":").statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldShowAMemberTheCourseWithTheirRole() {
            long courseId = fixtures.newCourse();
            String tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR));

            JsonNode course = LecternClient.json(client().get("/api/courses/" + courseId, tutor));

            assertThat(course.get("id").asLong()).isEqualTo(courseId);
            assertThat(course.get("role").asString()).isEqualTo("TUTOR");
        }

        @Test
        void shouldAnswer403ToNonMembersAnd404ForUnknownCourses() {
            long courseId = fixtures.newCourse();
            String outsider = tokenOf(fixtures.newUser());

            assertThat(client().get("/api/courses/" + courseId, outsider).statusCode()).isEqualTo(403);
            assertThat(client().get("/api/courses/999999999", outsider).statusCode()).isEqualTo(404);
            // An administrator is in every course without a membership: the course itself is read.
            assertThat(client().get("/api/courses/999999999", adminToken).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Members {

        @Test
        void shouldListMembersOfOneRoleToTutors() {
            long courseId = fixtures.newCourse();
            String tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR));
            UserSummary student = fixtures.newMember(courseId, CourseRole.STUDENT);

            JsonNode page = LecternClient.json(client().get("/api/courses/" + courseId + "/members?role=STUDENT", tutor));

            assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
            JsonNode member = page.get("content").get(0);
            assertThat(member.get("login").asString()).isEqualTo(student.login());
            assertThat(member.get("name").asString()).isEqualTo(student.name());
            assertThat(member.get("role").asString()).isEqualTo("STUDENT");
        }

        @Test
        void shouldRefuseTheMemberListToStudents() {
            long courseId = fixtures.newCourse();
            String student = tokenOf(fixtures.newMember(courseId, CourseRole.STUDENT));

            assertThat(client().get("/api/courses/" + courseId + "/members", student).statusCode()).isEqualTo(403);
        }

        @Test
        void shouldEnrolAndThenChangeTheRoleWhenAnInstructorPutsAMember() {
            long courseId = fixtures.newCourse();
            String instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR));
            UserSummary user = fixtures.newUser();

            HttpResponse<String> enrolled = api.put(memberPath(courseId, user), instructor, "{\"role\":\"STUDENT\"}");
            HttpResponse<String> promoted = api.put(memberPath(courseId, user), instructor, "{\"role\":\"TUTOR\"}");

            assertThat(enrolled.statusCode()).isEqualTo(200);
            assertThat(promoted.statusCode()).isEqualTo(200);
            assertThat(LecternClient.json(promoted).get("role").asString()).isEqualTo("TUTOR");
            assertThat(rolesIn(courseId, user.login())).containsExactly(CourseRole.TUTOR);
        }

        @Test
        void shouldAnswer404ForAnUnknownLoginAndEnrolNobody() {
            long courseId = fixtures.newCourse();
            String instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR));

            HttpResponse<String> response = api.put("/api/courses/" + courseId + "/members/nobody-" + courseId,
                    instructor, "{\"role\":\"STUDENT\"}");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(courses.members(courseId, null, Pageable.ofSize(10))
                    .getTotalElements()).isEqualTo(1);
        }

        @Test
        void shouldRefuseRoleChangesByTutorsAndChangeNothing() {
            long courseId = fixtures.newCourse();
            String tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR));
            UserSummary student = fixtures.newMember(courseId, CourseRole.STUDENT);

            assertThat(api.put(memberPath(courseId, student), tutor, "{\"role\":\"INSTRUCTOR\"}").statusCode())
                    .isEqualTo(403);
            assertThat(api.delete(memberPath(courseId, student), tutor).statusCode()).isEqualTo(403);
            assertThat(rolesIn(courseId, student.login())).containsExactly(CourseRole.STUDENT);
        }

        @Test
        void shouldAnswer400ForAnUnknownRole() {
            long courseId = fixtures.newCourse();
            String instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR));
            UserSummary student = fixtures.newMember(courseId, CourseRole.STUDENT);

            assertThat(api.put(memberPath(courseId, student), instructor, "{\"role\":\"KING\"}").statusCode())
                    .isEqualTo(400);
            assertThat(rolesIn(courseId, student.login())).containsExactly(CourseRole.STUDENT);
        }

        @Test
        void shouldRemoveAMemberWhenAnInstructorDeletesThem() {
            long courseId = fixtures.newCourse();
            String instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR));
            UserSummary student = fixtures.newMember(courseId, CourseRole.STUDENT);
            String studentToken = tokenOf(student);

            HttpResponse<String> removed = api.delete(memberPath(courseId, student), instructor);

            assertThat(removed.statusCode()).isEqualTo(204);
            assertThat(rolesIn(courseId, student.login())).isEmpty();
            assertThat(client().get("/api/courses/" + courseId, studentToken).statusCode()).isEqualTo(403);
            assertThat(api.delete(memberPath(courseId, student), instructor).statusCode()).isEqualTo(404);
        }

        private static String memberPath(long courseId, UserSummary user) {
            return "/api/courses/" + courseId + "/members/" + user.login();
        }

        private List<CourseRole> rolesIn(long courseId, String login) {
            return courses.members(courseId, null, Pageable.ofSize(1000)).stream()
                    .filter(member -> member.login().equals(login))
                    .map(CourseMember::role)
                    .toList();
        }
    }
}
