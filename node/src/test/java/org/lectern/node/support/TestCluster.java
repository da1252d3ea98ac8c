package org.lectern.node.support;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several whole nodes in the test JVM forming one cluster on one shared database, as a real deployment runs: the
 * first embeds the broker, the others use it. The first node seeds the demo data into the (empty) database. Close
 * stops the nodes still running, last first.
 */
public final class TestCluster implements AutoCloseable {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private TestCluster() {
    }

    /** Starts {@code size} nodes one after the other on the database at {@code jdbcUrl} (PostgreSQL). */
    public static TestCluster start(int size, String name, Path dataDir, String jdbcUrl) {
        return start(size, name, dataDir, jdbcUrl, Map.of());
    }

    /** {@link #start(int, String, Path, String)} with further settings for every node. */
    public static TestCluster start(int size, String name, Path dataDir, String jdbcUrl, Map<String, Object> more) {
        List<Integer> memberPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            memberPorts.add(FreePorts.next());
        }
        Map<String, Object> shared = new HashMap<>(Map.of(
                "lectern.cluster.name", name + "-" + memberPorts.get(0),
                "lectern.cluster.members", memberPorts.stream().map(port -> "127.0.0.1:" + port)
                        .collect(Collectors.joining(",")),
                "lectern.broker.stomp-port", FreePorts.next(),
                "lectern.security.token-secret", Base64.getEncoder().encodeToString(new byte[32]),
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres"));
        // One operator credential, as in a deployment: what one node signs into the cluster, the others verify.
        shared.putAll(OperatorConsole.nodeSettings());
        shared.putAll(more);
        TestCluster cluster = new TestCluster();
        try {
            for (int i = 0; i < size; i++) {
                Map<String, Object> settings = new HashMap<>(shared);
                settings.put("lectern.cluster.port", memberPorts.get(i));
                settings.put("lectern.broker.embedded", i == 0);
                cluster.nodes.add(TestNodes.start(name + "-" + (i + 1), dataDir, settings));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public ConfigurableApplicationContext node(int index) {
        return nodes.get(index);
    }

    public String baseUrl(int index) {
        return "http://127.0.0.1:" + TestNodes.httpPort(nodes.get(index));
    }

    public List<String> baseUrls() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            urls.add(baseUrl(i));
        }
        return urls;
    }

    /** Kills node {@code index} as a crash would: its member vanishes without handing anything over. */
    public void kill(int index) {
        ConfigurableApplicationContext node = nodes.get(index);
        node.getBean(HazelcastInstance.class).getLifecycleService().terminate();
        node.close();
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
