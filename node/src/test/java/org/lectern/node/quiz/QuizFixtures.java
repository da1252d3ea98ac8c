package org.lectern.node.quiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.lectern.shared.scheduling.ScheduledTaskView;

/** A sample quiz, and the HTTP verbs the shared test client lacks (PUT with headers, DELETE). */
final class QuizFixtures {

    /** Single choice (2 points), multiple choice (3), short answer (1): 6 points in all. */
    static final String FRUIT_QUIZ = """
            {"title":"Fruit quiz","durationSeconds":60,"questions":[
              {"type":"SINGLE_CHOICE","text":"Which fruit is yellow?","points":2,
               "options":[{"text":"Banana","correct":true},{"text":"Cherry","correct":false}]},
              {"type":"MULTIPLE_CHOICE","text":"Which are citrus fruits?","points":3,
               "options":[{"text":"Lemon","correct":true},{"text":"Lime","correct":true},{"text":"Apple","correct":false}]},
              {"type":"SHORT_ANSWER","text":"Which green fruit has a brown, hairy skin?","points":1,
               "options":[{"text":"Kiwi"}]}]}
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QuizFixtures() {
    }

    /** The quizzes whose evaluation ({@code quiz.end} task) is among the tasks a scheduler run reports. */
    static List<Long> evaluatedQuizzes(List<ScheduledTaskView> ran) {
        return ran.stream().filter(task -> task.kind().equals(QuizEvaluator.QUIZ_END))
                .map(task -> Long.parseLong(task.subject())).toList();
    }

    /** The same quiz as {@link #FRUIT_QUIZ}, for tests that use the service directly. */
    static QuizRequest fruitQuiz(int durationSeconds) {
        return new QuizRequest("Fruit quiz", durationSeconds, null, List.of(
                new QuizRequest.Question(QuestionType.SINGLE_CHOICE, "Which fruit is yellow?", new BigDecimal("2"),
                        List.of(new QuizRequest.Option("Banana", true), new QuizRequest.Option("Cherry", false))),
                new QuizRequest.Question(QuestionType.MULTIPLE_CHOICE, "Which are citrus fruits?",
                        new BigDecimal("3"), List.of(new QuizRequest.Option("Lemon", true),
                                new QuizRequest.Option("Lime", true), new QuizRequest.Option("Apple", false))),
                new QuizRequest.Question(QuestionType.SHORT_ANSWER, "Which green fruit has a brown, hairy skin?",
                        BigDecimal.ONE, List.of(new QuizRequest.Option("Kiwi", false)))));
    }

    /** Answers: the right single choice, a half-right multiple choice, and a short answer in other case. */
    static QuizAnswers answers(QuizView quiz, int single, List<Integer> multiple, String text) {
        QuizView.Question first = quiz.questions().get(0);
        QuizView.Question second = quiz.questions().get(1);
        QuizView.Question third = quiz.questions().get(2);
        return new QuizAnswers(List.of(
                new QuizAnswer(first.id(), List.of(first.options().get(single).id()), null),
                new QuizAnswer(second.id(), multiple.stream().map(i -> second.options().get(i).id()).toList(), null),
                new QuizAnswer(third.id(), null, text)));
    }

    static HttpResponse<String> put(int port, String path, String token, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    static HttpResponse<String> delete(int port, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).DELETE());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
