package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.shared.testing.RequiredPrograms;

/**
 * The HAProxy that {@code ./lectern cluster up} writes, run for real with the certificate it makes, in front of a
 * stand-in node: students are served over TLS with that certificate (and the node is told so), the plain port only
 * redirects, the stats page wants the operator's password, and the runtime API, which {@code cluster status} reads,
 * answers on an owner-only socket.
 */
class HaproxyTlsIT {

    @TempDir
    Path base;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> running = new ArrayList<>();
    /** The {@code X-Forwarded-Proto} of every request that reached the stand-in node. */
    private final BlockingQueue<String> forwardedProtos = new LinkedBlockingQueue<>();
    private ClusterLayout layout;
    private Haproxy haproxy;

    @BeforeEach
    void start() throws Exception {
        Path program = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        layout = TestPorts.layout(base, base, 1);
        startStandIn(layout.node(1));
        haproxy = new Haproxy(layout, program, new ProcessRegistry(base.resolve("run"), base.resolve("logs")));
        ClusterTls.ensureCertificate(layout);
        Files.createDirectories(haproxy.socket().getParent());
        Files.writeString(haproxy.config(), haproxy.render());
        Process process = new ProcessBuilder(program.toString(), "-db", "-f", haproxy.config().toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("haproxy.log").toFile()).start();
        running.add(() -> {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        });
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> haproxy.servers().get("node-1").up());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : running) {
            part.close();
        }
        threads.shutdownNow();
    }

    @Test
    void shouldServeStudentsOverTlsWithTheGeneratedCertificateAndTellTheNode() throws Exception {
        HttpResponse<String> response = trustingTheCluster().send(HttpRequest.newBuilder(
                URI.create(layout.frontUrl() + "/api/hello")).header("X-Forwarded-Proto", "http").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(clusterCertificate());
        assertThat(forwardedProtos.poll(5, TimeUnit.SECONDS)).as("what the node is told, whatever the client said")
                .isEqualTo("https");
    }

    @Test
    void shouldRefuseTheHandshakeWhenTheClientDoesNotTrustTheCertificate() {
        HttpClient defaults = HttpClient.newHttpClient();

        assertThatThrownBy(() -> defaults.send(HttpRequest.newBuilder(URI.create(layout.frontUrl() + "/")).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldRedirectPlainHttpToTlsWithPathAndQueryAndForwardNothing() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(layout.plainUrl() + "/courses/1?tab=exams")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(layout.frontUrl() + "/courses/1?tab=exams");
        assertThat(forwardedProtos).isEmpty();
    }

    @Test
    void shouldAnswer401WhenTheStatsPageIsAskedWithoutTheOperatorsPassword() throws Exception {
        HttpClient client = trustingTheCluster();
        URI stats = URI.create(layout.statsUrl());
        String credential = Secrets.STATS_USER + ":" + Secrets.loadOrCreate(base).statsPassword();

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(stats).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(stats).header("Authorization",
                basic(Secrets.STATS_USER + ":guess")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> operator = client.send(HttpRequest.newBuilder(stats).header("Authorization",
                basic(credential)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("node-1");
    }

    @Test
    void shouldKeepTheRuntimeApiAndTheKeyOwnerOnlyWhileStatusStillReadsIt() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(haproxy.socket())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.certificateAndKey())))
                .isEqualTo("rw-------");
        assertThat(haproxy.servers()).containsKey("node-1");
    }

    private HttpClient trustingTheCluster() throws Exception {
        return ClusterCertificate.trustingClient(layout);
    }

    private Certificate clusterCertificate() throws Exception {
        return ClusterCertificate.of(layout);
    }

    private static String basic(String credential) {
        return "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
    }

    /** A node's three ports: requests (noting what they were told), health check and agent. */
    private void startStandIn(ClusterLayout.NodePorts ports) throws IOException {
        HttpServer node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.http()), 16);
        node.createContext("/", exchange -> {
            forwardedProtos.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")));
            answer(exchange, 200, "{}");
        });
        node.setExecutor(threads);
        node.start();
        running.add(() -> node.stop(0));
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                ports.health()), 16);
        health.createContext("/live", exchange -> answer(exchange, 200, "UP\n"));
        health.start();
        running.add(() -> health.stop(0));
        ServerSocket agent = new ServerSocket(ports.agent(), 16, InetAddress.getLoopbackAddress());
        running.add(agent);
        threads.execute(() -> {
            while (!agent.isClosed()) {
                try (Socket connection = agent.accept()) {
                    connection.getOutputStream().write("ready up 100%\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        }
    }
}
