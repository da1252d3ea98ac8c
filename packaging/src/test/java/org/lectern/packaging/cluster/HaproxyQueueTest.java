package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.shared.testing.RequiredPrograms;

/**
 * The HAProxy that {@code ./lectern cluster up} writes, run for real in front of a stand-in node: it lets at most
 * {@code maxconn} requests into the node, queues the rest, answers what waited too long with 503, a problem detail and
 * Retry-After, and sends a WebSocket handshake past the queue, all on the TLS port students use; logins wait in a
 * queue of their own, in arrival order, past full request slots and longer than a client time-out; a save whose node
 * dies under it goes to another node, a POST does not; a request for a node that refuses connections (just killed,
 * its checks not failed yet) goes to another. The stand-ins answer health and agent checks on their own ports, as
 * a node does.
 */
class HaproxyQueueTest {

    private static final int MAXCONN = 16;
    private static final int NO_ANSWER = -1;

    @TempDir
    Path base;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    /** One permit lets one request held at the stand-in's /api/held answer. */
    private final Semaphore releaseOne = new Semaphore(0);
    /** One permit lets one login held at the stand-in answer. */
    private final Semaphore releaseLogin = new Semaphore(0);
    /** The bodies of the logins that reached the stand-in, in that order. */
    private final List<String> loginsReached = new CopyOnWriteArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    /** Paths of the requests the stand-in answered at once, in the order they reached it. */
    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        releaseOne.release(MAXCONN);
        releaseLogin.release(MAXCONN);
        for (AutoCloseable part : running) {
            part.close();
        }
        threads.shutdownNow();
    }

    @Test
    void shouldQueueBeyondMaxconnAndAnswer503WithRetryAfterWhenTheQueueTimesOut() throws Exception {
        Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterLayout layout = TestPorts.layout(base, base, 1);
        startStandIn(layout.node(1));
        startHaproxy(haproxy, layout);
        HttpClient http = client(layout);
        URI front = URI.create(layout.frontUrl() + "/api/slow");

        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < MAXCONN + 4; i++) {
            replies.add(http.sendAsync(HttpRequest.newBuilder(front).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> inside.get() == MAXCONN);
        assertThat(webSocketHandshakeStatus(layout)).as("a handshake is not queued behind requests")
                .contains(" 200 ");
        // The queue's time-out (1 s here) passes while the node still holds its sixteen.
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.stream().filter(CompletableFuture::isDone).count()
                == 4);
        List<HttpResponse<String>> refused = replies.stream().filter(CompletableFuture::isDone)
                .map(CompletableFuture::join).toList();
        release.countDown();
        List<HttpResponse<String>> all = replies.stream().map(CompletableFuture::join).toList();

        assertThat(inside.get()).isEqualTo(MAXCONN);
        assertThat(all.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, (long) MAXCONN, 503, 4L));
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 4));
            assertThat(response.body()).contains("\"status\":503");
        });
    }

    @Test
    void shouldLetQueuedQuizStartsAndAnswersInBeforeExamSaves() throws Exception {
        Path program = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterLayout layout = TestPorts.layout(base, base, 1);
        startStandIn(layout.node(1));
        Haproxy haproxy = startHaproxy(program, layout);
        HttpClient http = client(layout);
        List<CompletableFuture<HttpResponse<String>>> held = holdEverySlot(http, layout);

        // Queued in the order that is worst for the rule: the save first, the quiz's start and answer after it.
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (String path : List.of("/api/exams/1/exercises/2/submission", "/api/quizzes/3/start",
                "/api/quizzes/3/submission")) {
            queued.add(send(http, layout, path.endsWith("/start") ? "POST" : "PUT", path, "{}"));
            int waiting = queued.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> queuedRequests(haproxy, Haproxy.BACKEND) == waiting);
        }
        releaseOne.release();

        assertThat(queued).allSatisfy(reply -> assertThat(reply.get(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200));
        assertThat(reached).containsExactly("/api/quizzes/3/start", "/api/quizzes/3/submission",
                "/api/exams/1/exercises/2/submission");
        releaseEverySlot(held);
    }

    @Test
    void shouldQueueLoginsApartFromSavesAndLetThemInInArrivalOrder() throws Exception {
        Path program = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterLayout layout = TestPorts.layout(base, base, 1);
        startStandIn(layout.node(1));
        // The client time-out cut to a second, as the queue's for requests: a login waits longer and still gets in.
        Haproxy haproxy = startHaproxy(program, layout, config -> config.replace("timeout client 60s",
                "timeout client 1s"));
        HttpClient http = client(layout);
        List<CompletableFuture<HttpResponse<String>>> held = holdEverySlot(http, layout);

        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            logins.add(send(http, layout, "POST", "/api/auth/login", "student" + i));
            int sent = i;
            await().atMost(Duration.ofSeconds(10)).until(() -> loginsReached.size()
                    + queuedRequests(haproxy, Haproxy.LOGINS) == sent);
        }
        assertThat(loginsReached).as("two password checks at once, though every save slot is taken")
                .containsExactly("student1", "student2");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                queuedRequests(haproxy, Haproxy.LOGINS) == 3 && logins.stream().noneMatch(CompletableFuture::isDone));
        for (int answered = 1; answered <= 3; answered++) {
            releaseLogin.release();
            int reachedNow = answered + 2;
            await().atMost(Duration.ofSeconds(10)).until(() -> loginsReached.size() == reachedNow);
        }
        releaseLogin.release(2);

        assertThat(logins).allSatisfy(reply -> assertThat(reply.get(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200));
        assertThat(loginsReached).as("first come, first served")
                .containsExactly("student1", "student2", "student3", "student4", "student5");
        releaseEverySlot(held);
    }

    private HttpClient client(ClusterLayout layout) throws Exception {
        return HttpClient.newBuilder().executor(threads).sslContext(ClusterCertificate.trusting(layout)).build();
    }

    /** Every one of the node's request slots taken by a request the stand-in holds. */
    private List<CompletableFuture<HttpResponse<String>>> holdEverySlot(HttpClient http, ClusterLayout layout) {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < MAXCONN; i++) {
            held.add(send(http, layout, "GET", "/api/held", "{}"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> inside.get() == MAXCONN);
        return held;
    }

    private void releaseEverySlot(List<CompletableFuture<HttpResponse<String>>> held) {
        releaseOne.release(MAXCONN);
        assertThat(held).allSatisfy(reply -> assertThat(reply.get(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200));
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient http, ClusterLayout layout, String method,
            String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(layout.frontUrl() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Requests waiting in one backend's queue: its row in {@code show stat}. */
    private static int queuedRequests(Haproxy haproxy, String backend) throws IOException {
        String csv = haproxy.command("show stat");
        List<String> columns = List.of(csv.substring(2, csv.indexOf('\n')).split(","));
        return csv.lines()
                .map(line -> line.split(","))
                .filter(row -> row.length > 2 && backend.equals(row[0]) && "BACKEND".equals(row[1]))
                .mapToInt(row -> Integer.parseInt(row[columns.indexOf("qcur")]))
                .sum();
    }

    @Test
    void shouldSendASaveWhoseNodeDiesUnderItToAnotherNodeButNotAPost() throws Exception {
        Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterLayout layout = TestPorts.layout(base, base, 2);
        AtomicInteger cut = new AtomicInteger();
        startDyingStandIn(layout.node(1), cut);
        startStandIn(layout.node(2));
        startHaproxy(haproxy, layout);
        HttpClient http = client(layout);
        URI save = URI.create(layout.frontUrl() + "/api/save");

        // Until one has met the dying node: each is answered, by the living one.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(save).timeout(Duration.ofSeconds(10))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"answer\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.headers().firstValue("X-Lectern-Server")).hasValue("node-2");
            return cut.get() > 0;
        });
        int cutBefore = cut.get();
        List<Integer> posts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            posts.add(statusOrNone(http, HttpRequest.newBuilder(save).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
            return cut.get() > cutBefore;
        });

        // HAProxy answers 502 or closes the client's connection too; either way the client, not HAProxy, decides.
        assertThat(posts.get(posts.size() - 1)).as("the POST the dying node took").isIn(502, NO_ANSWER);
        assertThat(posts.subList(0, posts.size() - 1)).allSatisfy(status -> assertThat(status).isEqualTo(200));
    }

    @Test
    void shouldSendASaveWhoseBodyCameAfterItsHeadersToAnotherNodeWhenItsNodeDies() throws Exception {
        Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterLayout layout = TestPorts.layout(base, base, 2);
        AtomicInteger cut = new AtomicInteger();
        startDyingStandIn(layout.node(1), cut);
        startStandIn(layout.node(2));
        startHaproxy(haproxy, layout);

        // A busy client: the body follows its headers in a TLS record of its own, a moment later. Until one such
        // save has met the dying node, each is answered by the living one.
        List<String> statusLines = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            statusLines.add(saveWithLateBody(layout));
            return cut.get() > 0;
        });

        assertThat(statusLines).allSatisfy(line -> assertThat(line).startsWith("HTTP/1.1 200 "));
    }

    /** A PUT sent by hand, headers and body written apart; returns the status line HAProxy answers. */
    private static String saveWithLateBody(ClusterLayout layout) throws Exception {
        byte[] body = "{\"text\":\"answer\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = ClusterCertificate.trusting(layout).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), layout.frontPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/save HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The client's own pace, not a wait for the code under test: long enough for HAProxy to have chosen a
            // node and connected to it before the body exists.
            Thread.sleep(200);
            out.write(body);
            out.flush();
            return readLine(socket.getInputStream());
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static int statusOrNone(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException closedWithoutAnswer) {
            return NO_ANSWER;
        }
    }

    @Test
    void shouldSendRequestsForANodeThatRefusesConnectionsToAnotherBeforeItsHealthCheckFails() throws Exception {
        Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterLayout layout = TestPorts.layout(base, base, 2);
        // Node 1 was just killed: nothing listens on its request port, and its checks have not failed yet.
        startChecks(layout.node(1));
        startStandIn(layout.node(2));
        startHaproxy(haproxy, layout);
        HttpClient http = client(layout);
        URI save = URI.create(layout.frontUrl() + "/api/save");

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(http.send(HttpRequest.newBuilder(save).timeout(Duration.ofSeconds(10))
                    .method(i % 2 == 0 ? "PUT" : "POST", HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Lectern-Server")).hasValue("node-2");
        });
        // HAProxy did try the dead node: its log marks a request sent elsewhere after retries with a '+'.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Files.readString(
                base.resolve("haproxy.log"))).containsPattern(" nodes/node-2 .* \\d+/\\d+/\\d+/\\d+/\\+\\d+ "));
    }

    /** A node's three ports: requests (held until released; handshakes answered at once), health check, agent. */
    private void startStandIn(ClusterLayout.NodePorts ports) throws IOException {
        HttpServer node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.http()), 64);
        // /api/slow waits for all to be released at once, /api/held for a permit each.
        node.createContext("/api/slow", heldUntil(release::await));
        node.createContext("/api/held", heldUntil(releaseOne::acquire));
        node.createContext("/api/auth/login", exchange -> {
            loginsReached.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                releaseLogin.acquire();
                answer(exchange, 200, "{}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        node.createContext("/api", exchange -> {
            exchange.getRequestBody().readAllBytes();
            reached.add(exchange.getRequestURI().getPath());
            answer(exchange, 200, "{}");
        });
        node.createContext("/api/save", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, "{}");
        });
        node.createContext("/ws", exchange -> answer(exchange, 200, ""));
        node.setExecutor(threads);
        node.start();
        running.add(() -> node.stop(0));
        startChecks(ports);
    }

    /** A request counted in, then answered once {@code released} returns. */
    private HttpHandler heldUntil(Released released) {
        return exchange -> {
            inside.incrementAndGet();
            try {
                released.await();
                answer(exchange, 200, "{}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @FunctionalInterface
    private interface Released {
        void await() throws InterruptedException;
    }

    /**
     * A node that dies under every request: it reads the request and closes the connection without a word, as a
     * killed process does. Its health and agent ports answer, so HAProxy keeps sending to it.
     */
    private void startDyingStandIn(ClusterLayout.NodePorts ports, AtomicInteger cut) throws IOException {
        ServerSocket node = new ServerSocket(ports.http(), 64, InetAddress.getLoopbackAddress());
        running.add(node);
        threads.execute(() -> {
            while (!node.isClosed()) {
                try (Socket connection = node.accept()) {
                    readHead(connection.getInputStream());
                    cut.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        startChecks(ports);
    }

    /** Reads up to the blank line after the headers (the bodies here are small and follow in the same packets). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int c;
        while (matched < end.length && (c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : (c == end[0] ? 1 : 0);
        }
    }

    private void startChecks(ClusterLayout.NodePorts ports) throws IOException {
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                ports.health()), 16);
        health.createContext("/live", exchange -> answer(exchange, 200, "UP\n"));
        health.start();
        running.add(() -> health.stop(0));
        ServerSocket agent = new ServerSocket(ports.agent(), 16, InetAddress.getLoopbackAddress());
        running.add(agent);
        threads.execute(() -> agent(agent));
    }

    private static void agent(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.getOutputStream().write("ready up 100%\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        }
    }

    private Haproxy startHaproxy(Path program, ClusterLayout layout) throws Exception {
        return startHaproxy(program, layout, UnaryOperator.identity());
    }

    /** HAProxy on the configuration the tool renders, the queue's time-out cut to 1 s, and {@code edit} applied. */
    private Haproxy startHaproxy(Path program, ClusterLayout layout, UnaryOperator<String> edit) throws Exception {
        Haproxy haproxy = new Haproxy(layout, program, new ProcessRegistry(base.resolve("run"), base.resolve("logs")));
        ClusterTls.ensureCertificate(layout);
        Files.createDirectories(haproxy.socket().getParent());
        Path file = Files.writeString(haproxy.config(), edit.apply(haproxy.render().replace("timeout queue 10s",
                "timeout queue 1s")));
        Process process = new ProcessBuilder(program.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("haproxy.log").toFile()).start();
        running.add(() -> {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        });
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> haproxy.servers().values().stream()
                .allMatch(Haproxy.ServerState::up) && haproxy.servers().size() == layout.nodes().size());
        return haproxy;
    }

    /**
     * The status line a WebSocket handshake gets through HAProxy (the stand-in answers it 200, not 101: the JDK's
     * HttpServer cannot switch protocols, and the route is what counts). Sent by hand: the JDK's client refuses
     * to set {@code Upgrade} on a plain request.
     */
    private static String webSocketHandshakeStatus(ClusterLayout layout) throws Exception {
        try (Socket socket = ClusterCertificate.trusting(layout).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), layout.frontPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return readLine(socket.getInputStream());
        }
    }
}
