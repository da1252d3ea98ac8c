package org.lectern.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Through a real node: the HTTP-level mistakes a client can make, each answered with a problem detail. */
class ErrorHandlingIT extends NodeIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private TestData testData;

    private String token;

    @BeforeEach
    void logIn() {
        token = client().tokenFor(testData.newUser().login(), TestData.PASSWORD);
    }

    @Test
    void shouldAnswer404ProblemWhenAnAuthenticatedCallerAsksForAnUnknownPath() {
        HttpResponse<String> response = client().get("/api/no-such-thing", token);

        assertProblem(response, 404);
    }

    @Test
    void shouldServeTheClientsFilesButNoOtherPathFromTheClassPath() {
        assertThat(client().get("/js/api.js", token).statusCode()).isEqualTo(200);
        assertThat(client().get("/css/lectern.css", token).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));

        assertProblem(client().get("/js/no-such-file.js", token), 404);
        assertProblem(client().get("/static/js/api.js", token), 404);
        assertProblem(client().get("/application.yml", token), 404);
    }

    @Test
    void shouldAnswer405ProblemWhenTheMethodIsWrong() {
        HttpResponse<String> response = client().get("/api/auth/login", token);

        assertProblem(response, 405);
    }

    @Test
    void shouldAnswer415ProblemWhenTheContentTypeIsWrong() throws Exception {
        HttpResponse<String> response = send(request("/api/auth/login")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("username=student1")));

        assertProblem(response, 415);
    }

    @Test
    void shouldAnswer413ProblemWhenTheDeclaredBodyIsTooLarge() throws Exception {
        HttpResponse<String> response = send(request("/api/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversizedJson())));

        assertProblem(response, 413);
    }

    @Test
    void shouldAnswer413ProblemWhenAChunkedBodyGrowsTooLarge() throws Exception {
        byte[] body = oversizedJson();
        // A stream of unknown length goes out chunked, without a Content-Length to refuse up front.
        HttpResponse<String> response = send(request("/api/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413);
    }

    private static byte[] oversizedJson() {
        return ("{\"username\":\"" + "a".repeat(1_200_000) + "\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(LecternClient.json(response).get("status").asInt()).isEqualTo(status);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
