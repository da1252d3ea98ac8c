package org.lectern.node.drain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.lectern.node.support.LecternClient;
import tools.jackson.databind.JsonNode;

/** The demo course's text exercise, which every demo student may save to, on whichever node they are. */
final class DemoText {

    static final String TITLE = "Describe your hardware/software mapping";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoText() {
    }

    /** The exercise's id, as a student of the demo course finds it. */
    static long exerciseId(int port, String token) {
        LecternClient client = new LecternClient("http://127.0.0.1:" + port);
        for (JsonNode course : items(LecternClient.json(client.get("/api/courses", token)))) {
            for (JsonNode exercise : items(LecternClient.json(
                    client.get("/api/courses/" + course.get("id").asLong() + "/exercises", token)))) {
                if (TITLE.equals(exercise.get("title").asString())) {
                    return exercise.get("id").asLong();
                }
            }
        }
        throw new AssertionError("The demo text exercise is not visible to this student");
    }

    /** Saves a new version; the status code of the answer (a network failure counts as 0). */
    static int save(int port, String token, long exerciseId, String text) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/exercises/" + exerciseId + "/submission"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    private static Iterable<JsonNode> items(JsonNode answer) {
        return answer.isArray() ? answer : answer.get("content");
    }
}
