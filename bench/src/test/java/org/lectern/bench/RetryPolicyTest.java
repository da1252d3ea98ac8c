package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The generator obeys 503 + Retry-After with a jittered, capped back-off, and counts it apart from failures. */
class RetryPolicyTest {

    @Nested
    class Delay {

        private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30));

        @Test
        void shouldDoubleTheBackOffUpToTheCapWhenNoRetryAfterIsGiven() {
            assertThat(policy.delay(0, OptionalLong.empty(), 0)).isEqualTo(Duration.ofSeconds(1));
            assertThat(policy.delay(1, OptionalLong.empty(), 0)).isEqualTo(Duration.ofSeconds(2));
            assertThat(policy.delay(4, OptionalLong.empty(), 0)).isEqualTo(Duration.ofSeconds(16));
            assertThat(policy.delay(5, OptionalLong.empty(), 0)).isEqualTo(Duration.ofSeconds(30));
            assertThat(policy.delay(60, OptionalLong.empty(), 0)).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void shouldWaitAtLeastWhatRetryAfterSaysWhenItIsLongerThanTheBackOff() {
            assertThat(policy.delay(0, OptionalLong.of(4), 0)).isEqualTo(Duration.ofSeconds(4));
            assertThat(policy.delay(0, OptionalLong.of(90), 0)).isEqualTo(Duration.ofSeconds(90));
            assertThat(policy.delay(3, OptionalLong.of(4), 0)).isEqualTo(Duration.ofSeconds(8));
        }

        @Test
        void shouldAddUpToHalfAgainAtRandomWhenJittered() {
            assertThat(policy.delay(1, OptionalLong.of(1), 0.5)).isEqualTo(Duration.ofMillis(2_500));
            assertThat(policy.delay(1, OptionalLong.of(1), 0.999)).isLessThan(Duration.ofSeconds(3))
                    .isGreaterThan(Duration.ofMillis(2_990));
        }

        @Test
        void shouldReadDeltaSecondsAndIgnoreAnythingElseWhenParsingRetryAfter() {
            assertThat(RetryPolicy.parseRetryAfter("3")).hasValue(3);
            assertThat(RetryPolicy.parseRetryAfter(" 0 ")).hasValue(0);
            assertThat(RetryPolicy.parseRetryAfter("Fri, 04 Dec 2026 09:01:00 GMT")).isEmpty();
            assertThat(RetryPolicy.parseRetryAfter("-1")).isEmpty();
            assertThat(RetryPolicy.parseRetryAfter(null)).isEmpty();
        }
    }

    @Nested
    class AgainstAServer {

        private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
        private final List<String> keys = new CopyOnWriteArrayList<>();
        private final AtomicInteger busyAnswersLeft = new AtomicInteger();
        private HttpServer server;
        private Api api;

        @BeforeEach
        void start() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/api/save", busyThenOk("{\"version\":1}"));
            server.createContext("/api/auth/login", busyThenOk("{\"token\":\"t-1\"}"));
            server.createContext("/api/broken", exchange -> {
                try (exchange) {
                    keys.add("broken");
                    exchange.sendResponseHeaders(500, -1);
                }
            });
            server.start();
            api = new Api(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), callbacks,
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)));
        }

        /**
         * Answers 503 with {@code Retry-After: 0} while {@code busyAnswersLeft} lasts, then 200 with {@code ok};
         * records each request's idempotency key (or the path, without one).
         */
        private HttpHandler busyThenOk(String ok) {
            return exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    keys.add(key != null ? key : exchange.getRequestURI().getPath());
                    boolean busy = busyAnswersLeft.getAndDecrement() > 0;
                    byte[] body = (busy ? "{\"status\":503}" : ok).getBytes(StandardCharsets.UTF_8);
                    if (busy) {
                        exchange.getResponseHeaders().set("Retry-After", "0");
                    }
                    exchange.sendResponseHeaders(busy ? 503 : 200, body.length);
                    exchange.getResponseBody().write(body);
                }
            };
        }

        @AfterEach
        void stop() throws Exception {
            server.stop(0);
            callbacks.shutdownNow();
            assertThat(callbacks.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }

        @Test
        void shouldSendTheSameRequestAgainUntilItIsServedWhenTheServerSaysBusy() {
            busyAnswersLeft.set(2);

            Api.Reply reply = api.putJson("/api/save", null, "text", "key-1").join();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(keys).containsExactly("key-1", "key-1", "key-1");
            assertThat(api.retriedAfter503()).isEqualTo(2);
            assertThat(api.waitedAfter503()).isGreaterThanOrEqualTo(Duration.ofMillis(10 + 20));
        }

        @Test
        void shouldAnswerThe503WhenEveryRetryIsSpent() {
            busyAnswersLeft.set(100);

            Api.Reply reply = api.putJson("/api/save", null, "text", "key-2").join();

            assertThat(reply.status()).isEqualTo(503);
            assertThat(keys).hasSize(4);
            assertThat(api.retriedAfter503()).isEqualTo(3);
        }

        @Test
        void shouldWaitOutEveryBusyAnswerToALoginAsTheLoginPageDoes() {
            busyAnswersLeft.set(5);

            String token = api.login("student1", "demo").join();

            assertThat(token).isEqualTo("t-1");
            assertThat(keys).hasSize(6).containsOnly("/api/auth/login");
            assertThat(api.retriedAfter503()).isEqualTo(5);
        }

        @Test
        void shouldNotRetryWhenTheServerFailsOtherwise() {
            Api.Reply reply = api.get("/api/broken", null).join();

            assertThat(reply.status()).isEqualTo(500);
            assertThat(keys).containsExactly("broken");
            assertThat(api.retriedAfter503()).isZero();
        }
    }
}
