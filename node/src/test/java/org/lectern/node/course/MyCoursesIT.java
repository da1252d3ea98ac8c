package org.lectern.node.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import tools.jackson.databind.JsonNode;

class MyCoursesIT extends NodeIntegrationTest {

    @Test
    void shouldShowAStudentOnlyTheCoursesTheyAreEnrolledIn() {
        String token = client().tokenFor("student1", "demo");

        HttpResponse<String> response = client().get("/api/courses", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(shortNames(response)).containsExactly("EIST");
    }

    @Test
    void shouldShowEachStudentTheirOwnCourses() {
        assertThat(shortNames(client().get("/api/courses", client().tokenFor("student2", "demo"))))
                .containsExactlyInAnyOrder("EIST", "DB");
        assertThat(shortNames(client().get("/api/courses", client().tokenFor("student3", "demo"))))
                .containsExactly("DB");
    }

    @Test
    void shouldTellEachMemberTheirRole() {
        JsonNode courses = LecternClient.json(client().get("/api/courses", client().tokenFor("tutor", "demo")));

        assertThat(courses).hasSize(1);
        assertThat(courses.get(0).get("role").asString()).isEqualTo("TUTOR");
    }

    @Test
    void shouldRefuseAnonymousCallersWith401() {
        HttpResponse<String> response = client().get("/api/courses", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static List<String> shortNames(HttpResponse<String> response) {
        return LecternClient.json(response).valueStream().map(course -> course.get("shortName").asString()).toList();
    }
}
