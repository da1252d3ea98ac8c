package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of a node's API, as a script or another service would use it. */
public final class LecternClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LecternClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> login(String username, String password) {
        return post("/api/auth/login", null,
                JSON.writeValueAsString(java.util.Map.of("username", username, "password", password)));
    }

    /** Logs in and returns the token, failing the test if the login is refused. */
    public String tokenFor(String username, String password) {
        HttpResponse<String> response = login(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response).get("token").asString();
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return send(authorised(request, token));
    }

    public HttpResponse<String> post(String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(authorised(request, token));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
