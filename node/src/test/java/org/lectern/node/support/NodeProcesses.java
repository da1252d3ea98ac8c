package org.lectern.node.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lectern.shared.testing.FreePorts;

/**
 * Nodes as separate JVMs started from the packaged jar ({@code node/target/lectern-node.jar}, built before the
 * integration tests run), one cluster on one PostgreSQL database: the first embeds the broker and seeds the demo
 * data, the others use its broker. Small heaps, as the machine running the tests has few cores and little memory.
 * Close kills what still runs and waits for it.
 */
public final class NodeProcesses implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();

    private NodeProcesses() {
    }

    public static NodeProcesses start(int size, String name, Path dir, String jdbcUrl) {
        Path jar = Path.of("target", "lectern-node.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests after 'package'");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Integer> memberPorts = Stream.generate(FreePorts::next).limit(size).toList();
        int stompPort = FreePorts.next();
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        NodeProcesses nodes = new NodeProcesses();
        try {
            for (int i = 0; i < size; i++) {
                int httpPort = FreePorts.next();
                String nodeId = name + "-" + (i + 1);
                List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                        "--server.port=" + httpPort,
                        "--lectern.node.id=" + nodeId,
                        "--lectern.data-dir=" + dir.resolve(nodeId),
                        "--lectern.cluster.name=" + name + "-" + memberPorts.get(0),
                        "--lectern.cluster.port=" + memberPorts.get(i),
                        "--lectern.cluster.members=" + memberPorts.stream().map(port -> "127.0.0.1:" + port)
                                .collect(Collectors.joining(",")),
                        "--lectern.broker.embedded=" + (i == 0),
                        "--lectern.broker.stomp-port=" + stompPort,
                        "--lectern.broker.password=" + TestNodes.BROKER_PASSWORD,
                        "--lectern.security.token-secret=" + secret,
                        "--lectern.demo.seed-accounts=true",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres"));
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve(nodeId + ".log").toFile()).start();
                nodes.processes.add(process);
                nodes.httpPorts.add(httpPort);
                nodes.awaitReady(i);
            }
            return nodes;
        } catch (IOException e) {
            nodes.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    public List<String> baseUrls() {
        return httpPorts.stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    /** kill -9. */
    public void kill(int index) {
        Process process = processes.get(index);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(int index) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create(baseUrls().get(index) + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        Process process = processes.get(index);
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + (index + 1) + " exited with " + process.exitValue());
            }
            return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
