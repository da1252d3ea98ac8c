package org.lectern.node.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.cluster.ClusterProperties;
import org.lectern.shared.testing.FreePorts;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

/** HAProxy's health check is answered by the liveness server's own thread, from the liveness state alone. */
class LivenessServerTest {

    private static final ClusterProperties CLUSTER = new ClusterProperties("lectern", "127.0.0.1", 5701,
            List.of("127.0.0.1:5701"), Duration.ofSeconds(2), List.of());

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LivenessServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Nested
    class WithAPort {

        @BeforeEach
        void start() {
            server = new LivenessServer(new BalancerProperties(0, FreePorts.next()), CLUSTER, availability);
            server.start();
        }

        @Test
        void shouldAnswer200WhenTheNodeIsLive() throws Exception {
            live(LivenessState.CORRECT);

            HttpResponse<String> response = get(LivenessServer.PATH);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("UP\n");
        }

        @Test
        void shouldAnswer503WhenLivenessIsBroken() throws Exception {
            live(LivenessState.BROKEN);

            assertThat(get(LivenessServer.PATH).statusCode()).isEqualTo(503);
        }

        @Test
        void shouldAnswer503WhenTheNodeHasNotStartedYet() throws Exception {
            assertThat(get(LivenessServer.PATH).statusCode()).isEqualTo(503);
        }

        @Test
        void shouldAnswer404WhenAskedForAnotherPath() throws Exception {
            live(LivenessState.CORRECT);

            assertThat(get("/live/more").statusCode()).isEqualTo(404);
        }

        @Test
        void shouldAnswerManyChecksInARowWhenItsOneThreadServesThem() throws Exception {
            live(LivenessState.CORRECT);

            for (int i = 0; i < 50; i++) {
                assertThat(get(LivenessServer.PATH).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldListenNowhereWhenNoPortIsConfigured() {
        server = new LivenessServer(new BalancerProperties(0, 0), CLUSTER, availability);

        server.start();

        assertThat(server.isRunning()).isFalse();
        assertThat(server.port()).isZero();
    }

    private void live(LivenessState state) {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
