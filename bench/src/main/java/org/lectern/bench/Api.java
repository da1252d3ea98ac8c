package org.lectern.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.io.IncludeExcludeConnectionStatistics;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's REST API as the benchmark calls it: asynchronous requests, JSON in and out, callbacks on the given
 * executor. Each student calls through {@link #as(String)}, which gives it connections of its own as a browser has
 * (kept alive between its saves), so that a burst of requests — the whole hall answering the quiz — costs no TLS
 * handshakes. Jetty's client does that on one selector (a tag per student makes a destination, with its own pool);
 * the JDK's client pools per client, and a client per student would cost a selector thread each. A 503 is sent
 * again after the wait its {@link RetryPolicy} gives (Retry-After obeyed, jittered back-off), as the browser client
 * does; those retries and the time spent waiting are counted apart from failures: queued is not failed.
 */
public final class Api implements AutoCloseable {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What a browser opens to one host at most. */
    private static final int CONNECTIONS_PER_STUDENT = 6;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final Shared shared;
    /** Whose connections a request uses; null: the shared ones of set-up and checks. */
    private final String owner;

    /** What every student's view of the API shares: the client, its selector, the counters. */
    private record Shared(org.eclipse.jetty.client.HttpClient rest, HttpClient webSockets, URI base,
            Executor executor, RetryPolicy retries, LongAdder retriedAfter503, LongAdder waitedMillis) {
    }

    public Api(URI base, Executor executor) {
        this(base, executor, RetryPolicy.DEFAULT);
    }

    public Api(URI base, Executor executor, RetryPolicy retries) {
        this(base, executor, retries, null);
    }

    /** @param tls whom to trust over https; null for the JDK's default */
    public Api(URI base, Executor executor, RetryPolicy retries, SSLContext tls) {
        this(new Shared(startRestClient(tls), webSocketClient(executor, tls), base, executor, retries,
                new LongAdder(), new LongAdder()), null);
    }

    private Api(Shared shared, String owner) {
        this.shared = shared;
        this.owner = owner;
    }

    private static org.eclipse.jetty.client.HttpClient startRestClient(SSLContext tls) {
        SslContextFactory.Client trust = new SslContextFactory.Client();
        if (tls != null) {
            trust.setSslContext(tls);
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(trust);
        connector.setSelectors(1);
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("bench-http");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        org.eclipse.jetty.client.HttpClient client =
                new org.eclipse.jetty.client.HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setConnectTimeout(Duration.ofSeconds(10).toMillis());
        // A browser keeps an idle connection for minutes; the balancer decides when it ends.
        client.setIdleTimeout(Duration.ofMinutes(5).toMillis());
        client.setMaxConnectionsPerDestination(CONNECTIONS_PER_STUDENT);
        // Queued here is queued in the browser: never refused by the client itself.
        client.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
        client.setFollowRedirects(false);
        // Counts HTTP connections only (a TLS connection is two to Jetty: its encryption and the HTTP inside).
        IncludeExcludeConnectionStatistics statistics = new IncludeExcludeConnectionStatistics();
        statistics.exclude(SslConnection.class);
        client.addBean(statistics);
        // Students prove who they are with their bearer token; one cookie store for all would mix them up.
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client", e);
        }
        return client;
    }

    /** WebSockets: one connection each by nature, so the JDK's client on one selector serves them all. */
    private static HttpClient webSocketClient(Executor executor, SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    /** The API as {@code student} calls it: over connections of its own, kept between its requests. */
    public Api as(String student) {
        return new Api(shared, student);
    }

    /** The client for the students' WebSockets. */
    public HttpClient webSockets() {
        return shared.webSockets();
    }

    public URI base() {
        return shared.base();
    }

    /** The students' REST connections: open now, most open at once, opened in all (each a TLS handshake). */
    public record Connections(long open, long openMax, long opened) {
    }

    public Connections connections() {
        ConnectionStatistics statistics = shared.rest().getBean(ConnectionStatistics.class);
        return new Connections(statistics.getConnections(), statistics.getConnectionsMax(),
                statistics.getConnectionsTotal());
    }

    @Override
    public void close() {
        if (owner != null) {
            return;
        }
        try {
            shared.rest().stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP client", e);
        }
    }

    /** Requests sent again because a 503 said to come back later. */
    public long retriedAfter503() {
        return shared.retriedAfter503().sum();
    }

    /** Time spent waiting before those retries, summed over all requests. */
    public Duration waitedAfter503() {
        return Duration.ofMillis(shared.waitedMillis().sum());
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
        return send(method, path, token, contentType, body, idempotencyKey, shared.retries());
    }

    private CompletableFuture<Reply> send(String method, String path, String token, String contentType, String body,
            String idempotencyKey, RetryPolicy policy) {
        return attempt(() -> {
            Request request = shared.rest().newRequest(shared.base().resolve(path)).method(method).tag(owner)
                    .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (token != null) {
                request.headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + token));
            }
            if (idempotencyKey != null) {
                request.headers(h -> h.put("Idempotency-Key", idempotencyKey));
            }
            if (body != null) {
                request.body(new StringRequestContent(contentType, body, StandardCharsets.UTF_8));
            }
            return request;
        }, 0, policy);
    }

    /** One try; a Jetty request is sent once, so each retry builds its own from {@code request}. */
    private CompletableFuture<Reply> attempt(java.util.function.Supplier<Request> request, int retry,
            RetryPolicy policy) {
        CompletableFuture<Answer> answered = new CompletableFuture<>();
        request.get().send(new BufferingResponseListener(MAX_BODY) {
            @Override
            public void onComplete(Result result) {
                // Off Jetty's I/O threads: the callers parse JSON and book metrics.
                shared.executor().execute(() -> {
                    if (result.isFailed()) {
                        answered.completeExceptionally(result.getFailure());
                    } else {
                        answered.complete(new Answer(new Reply(result.getResponse().getStatus(),
                                getContentAsString(StandardCharsets.UTF_8)),
                                result.getResponse().getHeaders().get(HttpHeader.RETRY_AFTER)));
                    }
                });
            }
        });
        return answered.thenCompose(answer -> {
            Reply reply = answer.reply();
            if (reply.status() != 503 || retry >= policy.maxRetries()) {
                return CompletableFuture.completedFuture(reply);
            }
            Duration wait = policy.delay(retry, RetryPolicy.parseRetryAfter(answer.retryAfter()),
                    ThreadLocalRandom.current().nextDouble());
            shared.retriedAfter503().increment();
            shared.waitedMillis().add(wait.toMillis());
            Executor later = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS,
                    shared.executor());
            return CompletableFuture.supplyAsync(() -> retry + 1, later)
                    .thenCompose(next -> attempt(request, next, policy));
        });
    }

    private record Answer(Reply reply, String retryAfter) {
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

    /**
     * Logs in and answers the token. A 503 is waited out for as long as it lasts, as the login page does (the exam
     * start's waiting room): the time spent so is the login's latency, not a failure.
     */
    public CompletableFuture<String> login(String user, String password) {
        return send("POST", "/api/auth/login", null, "application/json",
                JSON.writeValueAsString(java.util.Map.of("username", user, "password", password)), null,
                shared.retries().patient())
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
