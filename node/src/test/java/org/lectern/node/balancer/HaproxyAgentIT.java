package org.lectern.node.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.support.HaproxyProcess;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.testing.FreePorts;
import org.lectern.shared.testing.RequiredPrograms;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real HAProxy in front of two nodes follows what their agents say: a weight change and a drain take effect
 * within seconds, without a reload. The server lines are the documented ones: {@code weight 1}, an HTTP liveness
 * check, the agent on its own port.
 */
class HaproxyAgentIT {

    /** Agent and health checks run every second here; a few intervals is plenty. */
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static HaproxyProcess haproxy;

    @BeforeAll
    static void start() {
        RequiredPrograms.require("haproxy", "haproxy", Path.of("/usr/sbin"));
        int agentA = FreePorts.next();
        int agentB = FreePorts.next();
        nodeA = TestNodes.startAlone("lb-a", dataDir, Map.of("lectern.balancer.agent-port", agentA,
                "lectern.broker.stomp-port", FreePorts.next()));
        nodeB = TestNodes.startAlone("lb-b", dataDir, Map.of("lectern.balancer.agent-port", agentB,
                "lectern.broker.stomp-port", FreePorts.next()));
        haproxy = HaproxyProcess.start(dataDir, """
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 30s
                  timeout server 30s
                  timeout check 2s

                frontend lectern
                  bind 127.0.0.1:%d
                  default_backend nodes

                backend nodes
                  balance roundrobin
                  option httpchk GET /actuator/health/liveness
                  server lb-a 127.0.0.1:%d weight 1 check inter 1s agent-check agent-port %d agent-inter 1s
                  server lb-b 127.0.0.1:%d weight 1 check inter 1s agent-check agent-port %d agent-inter 1s
                """.formatted(FreePorts.next(), TestNodes.httpPort(nodeA), agentA, TestNodes.httpPort(nodeB),
                agentB));
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void shouldFollowAWeightChangeAndADrainWhenTheAgentSaysSo() {
        WeightControl weightA = nodeA.getBean(WeightControl.class);
        NodeLifecycle lifecycleA = nodeA.getBean(NodeLifecycle.class);
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
            assertThat(haproxy.isAlive()).isTrue();
            assertThat(haproxy.serverStats("nodes", "lb-a")).containsEntry("status", "UP")
                    .containsEntry("weight", String.valueOf(weightA.weight()));
            assertThat(haproxy.serverStats("nodes", "lb-b")).containsEntry("status", "UP");
        });

        weightA.setWeight(5);
        await().atMost(WITHIN_SECONDS).untilAsserted(() ->
                assertThat(haproxy.serverStats("nodes", "lb-a")).containsEntry("weight", "5"));

        lifecycleA.moveTo(NodeState.DRAINING);
        await().atMost(WITHIN_SECONDS).untilAsserted(() ->
                // "DRAIN (agent)": drained because the agent said so
                assertThat(haproxy.serverStats("nodes", "lb-a").get("status")).startsWith("DRAIN"));
        assertThat(haproxy.serverStats("nodes", "lb-b")).containsEntry("status", "UP");

        lifecycleA.moveTo(NodeState.READY);
        await().atMost(WITHIN_SECONDS).untilAsserted(() ->
                assertThat(haproxy.serverStats("nodes", "lb-a")).containsEntry("status", "UP")
                        .containsEntry("weight", "5"));
    }
}
