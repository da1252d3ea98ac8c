package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class LogoutIT extends NodeIntegrationTest {

    @Autowired
    private TestData testData;

    @Test
    void shouldRefuseTheTokenWhenItsUserLoggedOut() {
        String login = testData.newUser().login();
        String token = client().tokenFor(login, TestData.PASSWORD);
        assertThat(client().get("/api/courses", token).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = client().post("/api/auth/logout", token, "");

        assertThat(logout.statusCode()).isEqualTo(204);
        HttpResponse<String> afterwards = client().get("/api/courses", token);
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(afterwards.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldClearTheCookieWhenLoggingOut() {
        String token = client().tokenFor(testData.newUser().login(), TestData.PASSWORD);

        HttpResponse<String> logout = client().post("/api/auth/logout", token, "");

        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("lectern_token=;").contains("Max-Age=0").contains("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void shouldKeepTheUsersOtherTokensValidWhenOneIsLoggedOut() {
        String login = testData.newUser().login();
        String laptop = client().tokenFor(login, TestData.PASSWORD);
        String phone = client().tokenFor(login, TestData.PASSWORD);

        client().post("/api/auth/logout", laptop, "");

        assertThat(client().get("/api/courses", phone).statusCode()).isEqualTo(200);
        assertThat(client().get("/api/courses", laptop).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer401WhenLoggingOutWithoutAToken() {
        HttpResponse<String> logout = client().post("/api/auth/logout", null, "");

        assertThat(logout.statusCode()).isEqualTo(401);
        assertThat(LecternClient.json(logout).get("status").asInt()).isEqualTo(401);
    }
}
