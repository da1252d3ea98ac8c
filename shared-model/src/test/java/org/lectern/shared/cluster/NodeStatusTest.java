package org.lectern.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeStatusTest {

    @Test
    void shouldExposeEpochMillisAsInstants() {
        NodeStatus status = status("node-1", 1, NodeState.READY);

        assertThat(status.startedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(status.publishedAt()).isEqualTo(Instant.ofEpochMilli(2_000));
    }

    @Test
    void shouldRefuseNegativeWeight() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> status("node-1", -1, NodeState.READY))
                .withMessageContaining("weight");
    }

    @Test
    void shouldReportNoFlushLagWhenMadeWithoutOne() {
        assertThat(status("node-1", 1, NodeState.READY).flushLag()).isZero();
    }

    @Test
    void shouldRefuseANegativeFlushLag() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NodeStatus("node-1", "uuid", "127.0.0.1:8080", "1.0", "2", 1_000, 1,
                        NodeState.READY, 2_000, true, false, NodeLoad.IDLE, ReplicaCounts.UNKNOWN, -1))
                .withMessageContaining("flushLagMillis");
    }

    @Test
    void shouldRefuseBlankNodeId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> status(" ", 1, NodeState.READY))
                .withMessageContaining("nodeId");
    }

    @Test
    void shouldRefuseMissingState() {
        assertThatNullPointerException()
                .isThrownBy(() -> status("node-1", 1, null))
                .withMessageContaining("state");
    }

    private static NodeStatus status(String nodeId, int weight, NodeState state) {
        return new NodeStatus(nodeId, "uuid", "127.0.0.1:8080", "1.0", "2", 1_000, weight, state, 2_000, true, false,
                NodeLoad.IDLE, ReplicaCounts.UNKNOWN);
    }
}
