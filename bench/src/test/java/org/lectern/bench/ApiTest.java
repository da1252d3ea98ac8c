package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each student talks over connections of its own, kept between its requests, as its browser would: a burst of
 * requests from the whole hall then costs no new connections (no TLS handshakes) at the balancer.
 */
class ApiTest {

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    /** The client port each request came from, by the student's token. */
    private final Map<String, List<Integer>> portsByStudent = new ConcurrentHashMap<>();
    private final List<String> cookies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/save", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String student = exchange.getRequestHeaders().getFirst("Authorization");
                portsByStudent.computeIfAbsent(student, s -> new CopyOnWriteArrayList<>())
                        .add(exchange.getRemoteAddress().getPort());
                String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                if (cookie != null) {
                    cookies.add(cookie);
                }
                exchange.getResponseHeaders().add("Set-Cookie", "login=" + student.hashCode() + "; Path=/");
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        api = new Api(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), callbacks);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        callbacks.shutdownNow();
        assertThat(callbacks.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldKeepOneConnectionPerStudentAcrossItsRequestsAndShareNoneBetweenStudents() {
        List<Api> students = List.of(api.as("student1"), api.as("student2"), api.as("student3"));

        for (int round = 0; round < 4; round++) {
            int r = round;
            CompletableFuture.allOf(students.stream()
                    .map(s -> s.putJson("/api/save", "token-" + students.indexOf(s), Map.of("round", r), null)
                            .thenAccept(reply -> assertThat(reply.status()).isEqualTo(200)))
                    .toArray(CompletableFuture[]::new)).join();
        }

        assertThat(portsByStudent).hasSize(3);
        portsByStudent.values().forEach(ports -> assertThat(ports).hasSize(4).containsOnly(ports.get(0)));
        assertThat(portsByStudent.values().stream().map(ports -> ports.get(0)).distinct()).hasSize(3);
        assertThat(api.connections().opened()).isEqualTo(3);
        assertThat(api.connections().openMax()).isEqualTo(3);
    }

    @Test
    void shouldNeverSendOneStudentsCookieForAnother() {
        api.as("student1").putJson("/api/save", "token-1", Map.of(), null).join();
        api.as("student2").putJson("/api/save", "token-2", Map.of(), null).join();
        api.as("student1").putJson("/api/save", "token-1", Map.of(), null).join();

        assertThat(portsByStudent.values().stream().mapToInt(List::size).sum()).isEqualTo(3);
        assertThat(cookies).isEmpty();
    }
}
