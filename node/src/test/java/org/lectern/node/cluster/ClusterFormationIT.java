package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lectern.node.support.OneLoggingSetupAtATime;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole nodes form one cluster however they start (the thesis's platform formed two until restarted), and a node
 * of another schema version refuses to join without touching the database.
 */
class ClusterFormationIT {

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    /** The settings of node {@code index} of a cluster whose members listen on {@code memberPorts}. */
    private static Map<String, Object> settings(String clusterName, int[] memberPorts, int index) {
        List<String> members = new ArrayList<>();
        for (int port : memberPorts) {
            members.add("127.0.0.1:" + port);
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("lectern.cluster.name", clusterName);
        settings.put("lectern.cluster.port", memberPorts[index]);
        settings.put("lectern.cluster.members", String.join(",", members));
        settings.put("lectern.cluster.merge-interval", "5s");
        // Each node embeds a broker of its own: membership is what is under test.
        settings.put("lectern.broker.stomp-port", FreePorts.next());
        return settings;
    }

    @ParameterizedTest(name = "start order {0}")
    @ValueSource(strings = {"012", "201"})
    void shouldFormExactlyOneClusterOfThreeWhenNodesStartConcurrently(String order) throws Exception {
        int[] memberPorts = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
        String clusterName = "formation-" + memberPorts[0];
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
            for (char position : order.toCharArray()) {
                int index = position - '0';
                starting.add(CompletableFuture.supplyAsync(() -> TestNodes.start("form-" + index, dataDir,
                        settings(clusterName, memberPorts, index), new OneLoggingSetupAtATime()), starters));
            }
            for (CompletableFuture<ConfigurableApplicationContext> node : starting) {
                nodes.add(node.get(5, TimeUnit.MINUTES));
            }
        } finally {
            starters.shutdown();
        }

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (ConfigurableApplicationContext node : nodes) {
                HazelcastInstance member = node.getBean(HazelcastInstance.class);
                assertThat(member.getCluster().getMembers()).hasSize(3);
            }
        });
        // One cluster, not three views that happen to count three: every node sees the same members.
        List<String> seenByFirst = members(nodes.get(0));
        for (ConfigurableApplicationContext node : nodes) {
            assertThat(members(node)).isEqualTo(seenByFirst);
        }
    }

    @Test
    void shouldRefuseToJoinAndLeaveTheDatabaseAloneWhenTheSchemaVersionDiffers() throws Exception {
        int[] memberPorts = {FreePorts.next(), FreePorts.next()};
        String clusterName = "schema-" + memberPorts[0];
        nodes.add(TestNodes.start("schema-old", dataDir, settings(clusterName, memberPorts, 0)));

        String newDatabase = "jdbc:h2:mem:schema-new-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Map<String, Object> newer = settings(clusterName, memberPorts, 1);
        newer.put("lectern.testing.schema-version", "999");
        newer.put("spring.datasource.url", newDatabase);

        assertThatThrownBy(() -> nodes.add(TestNodes.start("schema-new", dataDir, newer)))
                .rootCause()
                .isInstanceOf(IncompatibleClusterException.class)
                .hasMessageContaining("needs database schema version 999")
                .hasMessageContaining("run schema version " + nodes.get(0).getBean(SchemaVersion.class).current())
                .hasMessageContaining("critical update");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(nodes.get(0).getBean(HazelcastInstance.class).getCluster().getMembers()).hasSize(1));
        try (Connection connection = DriverManager.getConnection(newDatabase, "lectern", "");
                ResultSet tables = connection.createStatement().executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("tables Flyway would have created").isZero();
        }
    }

    private static List<String> members(ConfigurableApplicationContext node) {
        return node.getBean(HazelcastInstance.class).getCluster().getMembers().stream()
                .map(member -> member.getUuid().toString()).toList();
    }
}
