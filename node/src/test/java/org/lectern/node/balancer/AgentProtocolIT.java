package org.lectern.node.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.cluster.NodeWeightBoard;
import org.lectern.node.support.AgentProbe;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real node answers HAProxy's agent protocol with its weight and state, its readiness follows drain, and a
 * weight an operator set survives the node's restart.
 */
class AgentProtocolIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext node;
    private final int agentPort = FreePorts.next();

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private ConfigurableApplicationContext startNode() {
        return TestNodes.startAlone("agent-node", dataDir, Map.of(
                "lectern.balancer.agent-port", agentPort,
                "lectern.broker.stomp-port", FreePorts.next(),
                // A file, so that a restarted node finds what it stored.
                "spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("db/lectern")));
    }

    @Test
    void shouldAnswerWeightAndStateWhenTheyChange() {
        node = startNode();
        WeightControl weight = node.getBean(WeightControl.class);
        NodeLifecycle lifecycle = node.getBean(NodeLifecycle.class);

        await().atMost(PROMPTLY).until(() -> lifecycle.state() == NodeState.READY);
        assertThat(AgentProbe.ask(agentPort)).isEqualTo("ready up " + weight.weight() * 100 + "%");

        weight.setWeight(3);
        assertThat(AgentProbe.ask(agentPort)).isEqualTo("ready up 300%");

        weight.setWeight(0);
        assertThat(AgentProbe.ask(agentPort)).isEqualTo("ready up 0%");

        lifecycle.moveTo(NodeState.DRAINING);
        assertThat(AgentProbe.ask(agentPort)).isEqualTo("drain");
        lifecycle.moveTo(NodeState.DRAINED);
        assertThat(AgentProbe.ask(agentPort)).isEqualTo("drain");

        lifecycle.moveTo(NodeState.READY);
        assertThat(AgentProbe.ask(agentPort)).isEqualTo("ready up 0%");
    }

    @Test
    void shouldRefuseTrafficOnReadinessWhenDrainingAndAcceptItWhenReadyAgain() {
        node = startNode();
        NodeLifecycle lifecycle = node.getBean(NodeLifecycle.class);
        LecternClient client = new LecternClient("http://127.0.0.1:" + TestNodes.httpPort(node));
        await().atMost(PROMPTLY).until(() -> lifecycle.state() == NodeState.READY);
        assertThat(readiness(client)).isEqualTo(200);

        lifecycle.moveTo(NodeState.DRAINING);
        assertThat(readiness(client)).isEqualTo(503);
        lifecycle.moveTo(NodeState.DRAINED);
        assertThat(readiness(client)).isEqualTo(503);

        lifecycle.moveTo(NodeState.READY);
        assertThat(readiness(client)).isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldFollowAWeightWrittenIntoTheClusterAndKeepItWhenRestarted() {
        node = startNode();
        node.getBean(NodeWeightBoard.class).put("agent-node", 7);
        await().atMost(PROMPTLY).untilAsserted(() ->
                assertThat(AgentProbe.ask(agentPort)).isEqualTo("ready up 700%"));

        node.close();
        node = startNode();

        assertThat(node.getBean(WeightControl.class).weight()).isEqualTo(7);
        await().atMost(PROMPTLY).untilAsserted(() ->
                assertThat(AgentProbe.ask(agentPort)).isEqualTo("ready up 700%"));
    }

    private static int readiness(LecternClient client) {
        HttpResponse<String> response = client.get("/actuator/health/readiness", null);
        return response.statusCode();
    }
}
