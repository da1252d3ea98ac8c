package org.lectern.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real node with every request slot taken: requests get 503 with Retry-After, liveness still answers on both the
 * request path and HAProxy's health port, and readiness refuses only once the overload has lasted.
 */
class AdmissionIT {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext node;
    private static final int HEALTH_PORT = FreePorts.next();

    @BeforeAll
    static void start() {
        node = TestNodes.startAlone("admission-node", dataDir, Map.of(
                "lectern.broker.stomp-port", FreePorts.next(),
                "lectern.balancer.health-port", HEALTH_PORT,
                "lectern.web.admission.max-concurrent-requests", 2,
                "lectern.web.admission.overloaded-after", "1s"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldShedRequestsButStayAliveWhenEverySlotIsTaken() throws Exception {
        AdmissionLimiter limiter = node.getBean(AdmissionLimiter.class);
        LecternClient client = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(node));
        assertThat(client.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        while (limiter.tryAdmit()) {
            // an exam-start surge holds every slot
        }
        try {
            HttpResponse<String> shed = client.get("/v3/api-docs", null);

            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 4L));
            assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(client.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(live().statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                client.get("/v3/api-docs", null);
                assertThat(client.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            });
        } finally {
            limiter.release();
            limiter.release();
        }

        assertThat(client.get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> live() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HEALTH_PORT
                + "/live")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
