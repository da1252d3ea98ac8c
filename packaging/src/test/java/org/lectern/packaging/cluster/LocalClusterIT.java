package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A three-node cluster brought up by the code {@code ./lectern cluster up} runs (real PostgreSQL, a standalone
 * Artemis broker, HAProxy), on free loopback ports: a student works through HAProxy, loses the node they were on,
 * and carries on on another, through a broker and a database restart; then everything goes down without a process
 * or a port left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {

    private static final Path HOME = Path.of(System.getProperty("lectern.home", "..")).toAbsolutePath().normalize();
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final int TEXT_EXERCISE = 2;

    /** Trusts the certificate the cluster made, which exists once it is up. */
    private HttpClient http;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LocalCluster cluster;
    private Path run;
    private String token;
    private String firstNode;
    private int firstVersion;
    private final CompletableFuture<String> firstSocketClosed = new CompletableFuture<>();

    @BeforeAll
    void startTheCluster() throws Exception {
        run = TestClusters.directory(HOME, "c");
        cluster = new LocalCluster(TestPorts.layout(HOME, run, 3));
        cluster.up(new PrintStream(output, true, StandardCharsets.UTF_8));
        http = ClusterCertificate.trustingClient(cluster.layout());
    }

    @AfterAll
    void stopTheCluster() throws IOException {
        TestClusters.remove(cluster, run, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void shouldReportEveryPartHealthyWhenUp() throws Exception {
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("The cluster is up", "Students:  "
                + cluster.frontUrl());
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(cluster.haproxyServers()).hasValueSatisfying(servers -> assertThat(servers.values())
                .extracting(Haproxy.ServerState::status).containsExactly("UP", "UP", "UP"));

        List<String> status = cluster.status();

        assertThat(status).hasSize(6);
        assertThat(status.get(0)).startsWith("postgres  UP");
        assertThat(status.get(1)).startsWith("broker    UP  version 2.55.0  connections ");
        assertThat(status.subList(2, 5)).allSatisfy(line -> assertThat(line).containsPattern(
                "^node-\\d +READY  weight 1 .* broker connected .* haproxy UP weight 1"));
        assertThat(status.get(5)).startsWith("haproxy   UP  3/3 nodes up");
    }

    /**
     * Every port of the cluster (database, broker and its JMX, each node's HTTP, agent, health check and Hazelcast,
     * HAProxy's) listens on loopback only, as the kernel's socket table says.
     */
    @Test
    @Order(1)
    void shouldListenOnLoopbackOnlyWhenUp() throws IOException {
        Map<Integer, List<String>> listening = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A")) { // LISTEN
                    String[] local = fields[1].split(":");
                    listening.computeIfAbsent(Integer.parseInt(local[1], 16), port -> new ArrayList<>())
                            .add(local[0]);
                }
            }
        }
        Set<String> loopback = Set.of("0100007F", "0000000000000000FFFF00000100007F",
                "00000000000000000000000001000000");

        for (String[] port : cluster.layout().namedPorts()) {
            assertThat(listening.get(Integer.parseInt(port[1]))).as(port[0] + " " + port[1] + " listens")
                    .isNotEmpty().allSatisfy(address -> assertThat(loopback).as(port[0] + " on " + address)
                            .contains(address));
        }
    }

    @Test
    @Order(2)
    void shouldServeAStudentThroughHaproxy() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(front("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"student1\",\"password\":\"demo\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        token = capture(TOKEN, login.body());

        HttpResponse<String> save = save("cluster-it-1", "Written through HAProxy");

        assertThat(save.statusCode()).as(save.body()).isEqualTo(200);
        assertThat(save.headers().firstValue("X-Lectern-Server")).isPresent();
        firstVersion = Integer.parseInt(capture(VERSION, save.body()));
        stompConnect(firstSocketClosed);
        // Requests spread by least connections, so the student's node is the one holding their WebSocket.
        firstNode = await().atMost(Duration.ofSeconds(30)).until(this::socketNodes, nodes -> nodes.size() == 1)
                .get(0);
    }

    /** The nodes with an open WebSocket, as HAProxy's WebSocket backend counts them. */
    private List<String> socketNodes() {
        return cluster.haproxyServers(Haproxy.WEBSOCKETS).orElse(Map.of()).values().stream()
                .filter(server -> server.sessions() > 0).map(Haproxy.ServerState::name).toList();
    }

    @Test
    @Order(3)
    void shouldMoveTheStudentToAnotherNodeWhenTheirNodeIsKilled() throws Exception {
        int killed = Integer.parseInt(firstNode.substring("node-".length()));

        cluster.killNode(killed, new PrintStream(output, true, StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.haproxyServers().orElseThrow().get(firstNode)
                .down());
        assertThat(firstSocketClosed).succeedsWithin(Duration.ofSeconds(30));
        HttpResponse<String> save = save("cluster-it-2", "Written after " + firstNode + " died");
        assertThat(save.statusCode()).as(save.body()).isEqualTo(200);
        assertThat(save.headers().firstValue("X-Lectern-Server")).isPresent().get().isNotEqualTo(firstNode);
        assertThat(Integer.parseInt(capture(VERSION, save.body()))).isEqualTo(firstVersion + 1);

        HttpResponse<String> participation = send(authorized("/api/exercises/" + TEXT_EXERCISE + "/participation")
                .GET());
        assertThat(participation.body()).contains("\"text\":\"Written after " + firstNode + " died\"");
        stompConnect(new CompletableFuture<>()).sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        assertThat(cluster.status()).anySatisfy(line -> assertThat(line).startsWith(firstNode + "    STOPPED")
                .contains("haproxy DOWN"));
    }

    @Test
    @Order(4)
    void shouldNotLogEveryMessageInTheBroker() throws IOException {
        // By now the broker has carried the nodes' relay logins, two saves' acknowledgements and three STOMP sessions.
        List<String> brokerLog = Files.readAllLines(cluster.layout().logs().resolve(Broker.PART + ".log"));

        assertThat(brokerLog).isNotEmpty();
        assertThat(brokerLog).noneMatch(line -> line.contains("org.apache.activemq.audit"));
    }

    @Test
    @Order(5)
    void shouldReconnectTheNodesWhenTheBrokerRestarts() {
        long before = cluster.process(Broker.PART).orElseThrow().pid();

        cluster.restartBroker(new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(cluster.process(Broker.PART)).get().extracting(ProcessHandle::pid).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cluster.status())
                .filteredOn(line -> line.contains("READY")).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("broker connected")));
        stompConnect(new CompletableFuture<>()).sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    @Order(6)
    void shouldServeSavesAgainWhenTheDatabaseReturnsAfterAnOutage() {
        String before = cluster.status().get(0);

        cluster.restartDatabase(Duration.ofSeconds(2), new PrintStream(output, true, StandardCharsets.UTF_8));

        // Away at least the outage asked for: 2.0 s and more.
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("PostgreSQL stays stopped for 2 s")
                .containsPattern("PostgreSQL was away ([2-9]|\\d{2,})\\.\\d s");
        // A new postmaster: the same port, another pid.
        assertThat(cluster.status().get(0)).startsWith("postgres  UP").isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(save("cluster-it-3",
                "Written after PostgreSQL restarted").statusCode()).isEqualTo(200));
    }

    @Test
    @Order(7)
    void shouldLeaveNoProcessAndNoPortWhenDown() {
        List<ProcessHandle> running = new ArrayList<>();
        cluster.parts().forEach(part -> cluster.process(part).ifPresent(running::add));

        cluster.down(new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(running).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(cluster.parts()).allSatisfy(part -> assertThat(cluster.process(part)).isEmpty());
        assertThat(cluster.layout().namedPorts()).allSatisfy(port -> assertThat(TestPorts.isFree(
                Integer.parseInt(port[1]))).as(port[0] + " " + port[1]).isTrue());
        assertThat(cluster.status()).allSatisfy(line -> assertThat(line).contains("STOPPED"));
        cluster = null;
    }

    private HttpResponse<String> save(String key, String text) throws Exception {
        return send(authorized("/api/exercises/" + TEXT_EXERCISE + "/submission")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
    }

    /** A STOMP session over WebSocket through HAProxy; {@code closed} completes when the connection ends. */
    private WebSocket stompConnect(CompletableFuture<String> closed) {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        URI uri = URI.create(cluster.frontUrl().replaceFirst("^https", "wss") + "/ws");
        WebSocket socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            firstFrame.complete(frame.toString());
                            frame.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete("closed " + statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete("failed " + error);
                    }
                }).join();
        socket.sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0", true).join();
        assertThat(firstFrame).succeedsWithin(Duration.ofSeconds(20)).asString().startsWith("CONNECTED");
        return socket;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(front(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(front(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI front(String path) {
        return URI.create(cluster.frontUrl() + path);
    }

    private static String capture(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }


}
