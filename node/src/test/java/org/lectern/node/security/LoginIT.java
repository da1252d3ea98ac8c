package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import tools.jackson.databind.JsonNode;

class LoginIT extends NodeIntegrationTest {

    @Nested
    class WithTheRightPassword {

        @Test
        void shouldIssueATokenAndAnHttpOnlyCookie() {
            HttpResponse<String> response = client().login("student1", "demo");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = LecternClient.json(response);
            assertThat(body.get("token").asString()).isNotBlank();
            assertThat(body.get("user").get("login").asString()).isEqualTo("student1");
            assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith("lectern_token=").contains("HttpOnly").contains("SameSite=Strict"));
        }

        @Test
        void shouldLetTheTokenIntoTheApi() {
            String token = client().tokenFor("student1", "demo");

            assertThat(client().get("/api/courses", token).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class WhenRefused {

        @Test
        void shouldRefuseAWrongPasswordWith401() {
            HttpResponse<String> response = client().login("student1", "not-the-password");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(LecternClient.json(response).get("detail").asString()).contains("Wrong username or password");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }

        @Test
        void shouldRefuseAnUnknownUserLikeAWrongPassword() {
            HttpResponse<String> response = client().login("nobody", "demo");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(LecternClient.json(response).get("detail").asString()).contains("Wrong username or password");
        }

        @Test
        void shouldAnswerMalformedJsonWith400() {
            HttpResponse<String> response = client().post("/api/auth/login", null, "{\"username\": \"stud");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(LecternClient.json(response).get("detail").asString()).contains("not valid JSON");
        }

        @Test
        void shouldAnswerAMissingPasswordWith400() {
            HttpResponse<String> response = client().post("/api/auth/login", null, "{\"username\": \"student1\"}");

            assertThat(response.statusCode()).isEqualTo(400);
        }

        @Test
        void shouldRefuseAForgedTokenWith401() {
            String token = client().tokenFor("student1", "demo");
            String[] parts = token.split("\\.");
            String forged = parts[0] + "." + parts[1] + "." + "AAAA" + parts[2].substring(4);

            assertThat(client().get("/api/courses", forged).statusCode()).isEqualTo(401);
        }
    }
}
