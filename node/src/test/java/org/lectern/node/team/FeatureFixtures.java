package org.lectern.node.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;

/**
 * What the team, assessment and notification tests need beyond {@code TestData}: exercises of a given mode and
 * assessment due date (made through the exercise catalog, as the exercise REST API lives on another branch), and
 * the PUT and DELETE requests {@code LecternClient} does not send.
 */
public final class FeatureFixtures {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FeatureFixtures() {
    }

    /** A course exercise worth 10 points; {@code assessmentDueDate} may be null, in the past or in the future. */
    public static Exercise exercise(ExerciseCatalog catalog, long courseId, ExerciseType type, ExerciseMode mode,
            Instant assessmentDueDate) {
        Exercise exercise = new Exercise(courseId, null, type, mode, "Exercise", BigDecimal.TEN, Instant.now());
        exercise.setDates(null, null, assessmentDueDate);
        return catalog.save(exercise);
    }

    public static Exercise teamExercise(ExerciseCatalog catalog, long courseId) {
        return exercise(catalog, courseId, ExerciseType.TEXT, ExerciseMode.TEAM, null);
    }

    public static HttpResponse<String> put(int port, String path, String token, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)), token);
    }

    public static HttpResponse<String> delete(int port, String path, String token) {
        return send(HttpRequest.newBuilder(uri(port, path)).DELETE(), token);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
