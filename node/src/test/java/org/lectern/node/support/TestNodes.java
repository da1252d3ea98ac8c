package org.lectern.node.support;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.lectern.node.LecternNodeApplication;
import org.lectern.shared.testing.FreePorts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole nodes in the test JVM, each with the demo accounts and an in-memory database of its own (unless the
 * settings name one), on free ports; {@link #startPair} starts two that form one cluster the way real nodes do.
 */
public final class TestNodes {

    public static final String BROKER_PASSWORD = "realtime-it-broker-secret";
    private static final String TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    private TestNodes() {
    }

    /**
     * Two nodes of one cluster: {@code a} embeds the broker, {@code b} uses it as an external one. Closing stops
     * both ({@code b} first, as it depends on {@code a}'s broker); a node a test stopped already is left as it is.
     */
    public record Pair(ConfigurableApplicationContext a, ConfigurableApplicationContext b, String clusterName,
            int memberPortA) implements AutoCloseable {

        @Override
        public void close() {
            b.close();
            a.close();
        }
    }

    public static ConfigurableApplicationContext start(String nodeId, Path dataDir, Map<String, Object> settings) {
        return start(nodeId, dataDir, settings, new ApplicationListener<?>[0]);
    }

    /** As {@link #start(String, Path, Map)}, with listeners of the application's start-up events. */
    public static ConfigurableApplicationContext start(String nodeId, Path dataDir, Map<String, Object> settings,
            ApplicationListener<?>... listeners) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "lectern.node.id", nodeId,
                "lectern.data-dir", dataDir.resolve(nodeId).toString(),
                "spring.datasource.url", "jdbc:h2:mem:" + nodeId + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "lectern.broker.password", BROKER_PASSWORD,
                "lectern.demo.seed-accounts", "true"));
        properties.putAll(settings);
        // As command-line arguments: they outrank application.yml, as an operator's settings do.
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LecternNodeApplication.class).listeners(listeners).run(args);
    }

    /** Starts one node that is a cluster of its own (settings as for {@link #start}). */
    public static ConfigurableApplicationContext startAlone(String nodeId, Path dataDir, Map<String, Object> settings) {
        int memberPort = FreePorts.next();
        Map<String, Object> all = new HashMap<>(Map.of(
                "lectern.cluster.name", nodeId + "-cluster-" + memberPort,
                "lectern.cluster.port", memberPort,
                "lectern.cluster.members", "127.0.0.1:" + memberPort));
        all.putAll(settings);
        return start(nodeId, dataDir, all);
    }

    /**
     * Starts node {@code nodeIdA} with an embedded broker and node {@code nodeIdB} using that broker, joined in one
     * cluster and sharing the token secret, so a login on one is valid on the other.
     */
    public static Pair startPair(String nodeIdA, String nodeIdB, Path dataDir, Map<String, Object> settings) {
        int memberPortA = FreePorts.next();
        int memberPortB = FreePorts.next();
        String clusterName = nodeIdA + "-cluster-" + memberPortA;
        Map<String, Object> shared = new HashMap<>(Map.of(
                "lectern.cluster.name", clusterName,
                "lectern.cluster.members", "127.0.0.1:" + memberPortA + ",127.0.0.1:" + memberPortB,
                "lectern.broker.stomp-port", FreePorts.next(),
                "lectern.security.token-secret", TOKEN_SECRET));
        shared.putAll(OperatorConsole.nodeSettings());
        shared.putAll(settings);
        ConfigurableApplicationContext a = start(nodeIdA, dataDir,
                with(shared, "lectern.cluster.port", memberPortA, "lectern.broker.embedded", true));
        try {
            ConfigurableApplicationContext b = start(nodeIdB, dataDir,
                    with(shared, "lectern.cluster.port", memberPortB, "lectern.broker.embedded", false));
            return new Pair(a, b, clusterName, memberPortA);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    public static int httpPort(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static Map<String, Object> with(Map<String, Object> shared, String key1, Object value1, String key2,
            Object value2) {
        Map<String, Object> all = new HashMap<>(shared);
        all.put(key1, value1);
        all.put(key2, value2);
        return all;
    }
}
