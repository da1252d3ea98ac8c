package org.lectern.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's REST API as the benchmark calls it: asynchronous requests on one shared {@link HttpClient} (HTTP/1.1,
 * kept-alive connections, callbacks on the given executor), JSON in and out. A 503 is sent again after the wait
 * its {@link RetryPolicy} gives (Retry-After obeyed, jittered back-off), as the browser client does; those retries
 * and the time spent waiting are counted apart from failures: queued is not failed.
 *
 * <p>At most {@code connections} requests are in flight at once, so the client never opens more connections than
 * that ({@link InFlightLimit}); logins take at most half of them, so that a hall still logging in never holds back
 * the saves of the students already in, just as HAProxy gives logins a queue of their own. Quiz answers have a
 * tenth of their own: in a browser a student's answer waits for no other student's save, and HAProxy lets it in
 * first; in one shared queue here it would wait behind the whole hall's saves and miss the quiz.
 */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Longer than HAProxy's login queue holds a login (5 min, backend logins in haproxy.cfg), as a browser's fetch
     * waits: a login waiting its turn is not given up on.
     */
    private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(6);

    /** Enough for the saves of 10,000 students and a hall's logins, few enough to open in a second or two. */
    public static final int DEFAULT_CONNECTIONS = 1_000;

    private final HttpClient http;
    private final URI base;
    private final Executor executor;
    private final RetryPolicy retries;
    private final LongAdder retriedAfter503 = new LongAdder();
    private final LongAdder waitedMillis = new LongAdder();
    private final InFlightLimit requests;
    private final InFlightLimit logins;
    private final InFlightLimit answers;

    public Api(URI base, Executor executor) {
        this(base, executor, RetryPolicy.DEFAULT);
    }

    public Api(URI base, Executor executor, RetryPolicy retries) {
        this(base, executor, retries, null);
    }

    /** @param tls whom to trust over https; null for the JDK's default */
    public Api(URI base, Executor executor, RetryPolicy retries, SSLContext tls) {
        this(base, executor, retries, tls, DEFAULT_CONNECTIONS);
    }

    /**
     * @param tls         whom to trust over https; null for the JDK's default
     * @param connections the most requests in flight at once, so the most connections open (at least 3)
     */
    public Api(URI base, Executor executor, RetryPolicy retries, SSLContext tls, int connections) {
        this.base = base;
        this.executor = executor;
        this.retries = retries;
        this.logins = new InFlightLimit(connections / 2, executor);
        this.answers = new InFlightLimit(Math.max(1, connections / 10), executor);
        this.requests = new InFlightLimit(connections - logins.limit() - answers.limit(), executor);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    public HttpClient http() {
        return http;
    }

    public URI base() {
        return base;
    }

    /** Requests sent again because a 503 said to come back later. */
    public long retriedAfter503() {
        return retriedAfter503.sum();
    }

    /** Time spent waiting before those retries, summed over all requests. */
    public Duration waitedAfter503() {
        return Duration.ofMillis(waitedMillis.sum());
    }

    /** The most requests in flight at once, logins and quiz answers included. */
    public int connections() {
        return requests.limit() + logins.limit() + answers.limit();
    }

    /** Requests (and retries) that waited in the generator for another one to end before they were sent. */
    public long waitedForConnection() {
        return requests.waited() + logins.waited() + answers.waited();
    }

    /** An answer: status and body (a refused connection or time-out completes the future exceptionally). */
    public record Reply(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        }

        /** Whether a retry of the same request may succeed: the node said so (503, 429) or did not answer. */
        public boolean retryable() {
            return status == 503 || status == 429 || status == 502 || status == 504;
        }
    }

    public CompletableFuture<Reply> send(String method, String path, String token, String contentType, String body,
            String idempotencyKey) {
        return send(method, path, token, contentType, body, idempotencyKey, retries, requests, TIMEOUT);
    }

    private CompletableFuture<Reply> send(String method, String path, String token, String contentType, String body,
            String idempotencyKey, RetryPolicy policy, InFlightLimit limit, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return attempt(request.build(), 0, policy, limit);
    }

    private CompletableFuture<Reply> attempt(HttpRequest request, int retry, RetryPolicy policy, InFlightLimit limit) {
        CompletableFuture<HttpResponse<String>> sent =
                limit.submit(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        return sent.thenCompose(response -> {
            Reply reply = new Reply(response.statusCode(), response.body());
            if (reply.status() != 503 || retry >= policy.maxRetries()) {
                return CompletableFuture.completedFuture(reply);
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            Duration wait = policy.delay(retry, RetryPolicy.parseRetryAfter(retryAfter),
                    ThreadLocalRandom.current().nextDouble());
            retriedAfter503.increment();
            waitedMillis.add(wait.toMillis());
            Executor later = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, executor);
            return CompletableFuture.supplyAsync(() -> retry + 1, later)
                    .thenCompose(next -> attempt(request, next, policy, limit));
        });
    }

    public CompletableFuture<Reply> get(String path, String token) {
        return send("GET", path, token, null, null, null);
    }

    public CompletableFuture<Reply> postJson(String path, String token, Object body) {
        return send("POST", path, token, "application/json", body == null ? "" : JSON.writeValueAsString(body), null);
    }

    public CompletableFuture<Reply> putJson(String path, String token, Object body, String idempotencyKey) {
        return send("PUT", path, token, "application/json", JSON.writeValueAsString(body), idempotencyKey);
    }

    /** A quiz answer: as {@link #putJson}, in the answers' own share of the connections. */
    public CompletableFuture<Reply> putQuizAnswer(String path, String token, Object body, String idempotencyKey) {
        return send("PUT", path, token, "application/json", JSON.writeValueAsString(body), idempotencyKey, retries,
                answers, TIMEOUT);
    }

    /**
     * Logs in and answers the token. A 503 is waited out for as long as it lasts, as the login page does (the exam
     * start's waiting room): the time spent so is the login's latency, not a failure.
     */
    public CompletableFuture<String> login(String user, String password) {
        return send("POST", "/api/auth/login", null, "application/json",
                JSON.writeValueAsString(java.util.Map.of("username", user, "password", password)), null,
                retries.patient(), logins, LOGIN_TIMEOUT)
                .thenApply(reply -> {
                    if (!reply.ok()) {
                        throw new ApiException("log in as " + user, reply);
                    }
                    return reply.json().path("token").asString();
                });
    }

    /** A refused request: what was tried and what the node answered (its problem detail, when it sent one). */
    public static final class ApiException extends RuntimeException {

        private final int status;

        public ApiException(String what, Reply reply) {
            super("could not " + what + ": HTTP " + reply.status() + detail(reply));
            this.status = reply.status();
        }

        public int status() {
            return status;
        }

        private static String detail(Reply reply) {
            try {
                String detail = reply.json().path("detail").asString("");
                return detail.isEmpty() ? "" : " (" + detail + ")";
            } catch (RuntimeException notJson) {
                return "";
            }
        }
    }
}
