package org.lectern.node.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.shared.cluster.NodeState;

class AgentAnswerTest {

    @Test
    void shouldAnswerReadyWithOneHundredPercentPerWeightUnitWhenReady() {
        assertThat(AgentAnswer.of(NodeState.READY, 3, true)).isEqualTo("ready up 300%");
    }

    @Test
    void shouldAnswerZeroPercentWhenReadyWithWeightZero() {
        assertThat(AgentAnswer.of(NodeState.READY, 0, true)).isEqualTo("ready up 0%");
    }

    @Test
    void shouldDrainAReadyNodeOnTheMinoritySideOfASplit() {
        assertThat(AgentAnswer.of(NodeState.READY, 3, false)).isEqualTo("drain");
        assertThat(AgentAnswer.of(NodeState.STOPPING, 3, false)).isEqualTo("maint");
    }

    @ParameterizedTest
    @EnumSource(value = NodeState.class, names = {"DRAINING", "DRAINED"})
    void shouldAnswerDrainWhenDraining(NodeState state) {
        assertThat(AgentAnswer.of(state, 3, true)).isEqualTo("drain");
    }

    @ParameterizedTest
    @EnumSource(value = NodeState.class, names = {"STARTING", "STOPPING"})
    void shouldAnswerMaintWhenNotServing(NodeState state) {
        assertThat(AgentAnswer.of(state, 3, true)).isEqualTo("maint");
    }
}
