package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Saves of the demo's students over HTTP, as a browser makes them: to the demo course's text exercise, which every
 * student of EIST (not student3, student4) may save to, on whichever node they are.
 */
public final class DemoWork {

    public static final String TEXT_TITLE = "Describe your hardware/software mapping";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoWork() {
    }

    /** The text exercise's id, as a student of the demo course finds it. */
    public static long textExerciseId(int port, String token) {
        LecternClient client = new LecternClient("http://127.0.0.1:" + port);
        for (JsonNode course : items(LecternClient.json(client.get("/api/courses", token)))) {
            for (JsonNode exercise : items(LecternClient.json(
                    client.get("/api/courses/" + course.get("id").asLong() + "/exercises", token)))) {
                if (TEXT_TITLE.equals(exercise.get("title").asString())) {
                    return exercise.get("id").asLong();
                }
            }
        }
        throw new AssertionError("The demo text exercise is not visible to this student");
    }

    /** Saves a new version of the text. */
    public static HttpResponse<String> saveText(int port, String token, long exerciseId, String text) {
        return send(request(port, token, "/api/exercises/" + exerciseId + "/submission")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
    }

    /** The status code of {@link #saveText}; 0 when the connection failed. */
    public static int saveTextStatus(int port, String token, long exerciseId, String text) {
        try {
            return saveText(port, token, exerciseId, text).statusCode();
        } catch (UncheckedIOException connectionFailed) {
            return 0;
        }
    }

    /** Uploads a small file as the submission of {@code exerciseId}. */
    public static HttpResponse<String> uploadFile(int port, String token, long exerciseId) {
        String boundary = "lectern-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"answer.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF my answer\r\n"
                + "--" + boundary + "--\r\n";
        return send(request(port, token, "/api/exercises/" + exerciseId + "/submission/file")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(int port, String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Iterable<JsonNode> items(JsonNode answer) {
        return answer.isArray() ? answer : answer.get("content");
    }
}
