package org.lectern.node.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;
import org.lectern.shared.scheduling.SchedulerOwnership;

class OwnershipRuleTest {

    private static final List<String> MEMBERS = List.of("uuid-a", "uuid-b", "uuid-c");

    @Test
    void shouldTakeOverWhenNoOneEverOwnedAndThisIsTheOldestReadyMember() {
        Optional<OwnershipRule.Move> move = OwnershipRule.decide("node-a", "uuid-a", NodeState.READY, MEMBERS,
                statuses(NodeState.READY, NodeState.READY), Optional.empty());

        assertThat(move).contains(new OwnershipRule.Move("", "node-a", "uuid-a"));
    }

    @Test
    void shouldLeaveTheTakeOverToTheOldestReadyMemberWhenThisIsYounger() {
        assertThat(OwnershipRule.decide("node-b", "uuid-b", NodeState.READY, MEMBERS,
                statuses(NodeState.READY, NodeState.READY), Optional.empty())).isEmpty();
    }

    @Test
    void shouldSkipMembersThatAreNotReadyWhenChoosingTheSuccessor() {
        Map<String, NodeStatus> statuses = statuses(NodeState.READY, NodeState.READY);
        statuses.put("uuid-a", status("node-a", "uuid-a", NodeState.STARTING));

        Optional<OwnershipRule.Move> move = OwnershipRule.decide("node-b", "uuid-b", NodeState.READY, MEMBERS,
                statuses, Optional.empty());

        assertThat(move).contains(new OwnershipRule.Move("", "node-b", "uuid-b"));
    }

    @Test
    void shouldKeepAWorkingOwnerWhenAnOlderMemberIsReadyAgain() {
        assertThat(OwnershipRule.decide("node-a", "uuid-a", NodeState.READY, MEMBERS,
                statuses(NodeState.READY, NodeState.READY), owner("node-b", "uuid-b"))).isEmpty();
    }

    @Test
    void shouldTakeOverWhenTheOwnerLeftTheClusterAndThisIsTheOldestReadyMember() {
        Optional<OwnershipRule.Move> move = OwnershipRule.decide("node-a", "uuid-a", NodeState.READY,
                List.of("uuid-a", "uuid-c"), statuses(NodeState.READY, NodeState.READY), owner("node-b", "uuid-b"));

        assertThat(move).contains(new OwnershipRule.Move("uuid-b", "node-a", "uuid-a"));
    }

    @Test
    void shouldHandOverToTheOldestReadyMemberWhenThisOwnerStartsDraining() {
        Optional<OwnershipRule.Move> move = OwnershipRule.decide("node-a", "uuid-a", NodeState.DRAINING, MEMBERS,
                statuses(NodeState.READY, NodeState.READY), owner("node-a", "uuid-a"));

        assertThat(move).contains(new OwnershipRule.Move("uuid-a", "node-b", "uuid-b"));
    }

    @Test
    void shouldHandOverToNoOneWhenNoOtherMemberIsReady() {
        Optional<OwnershipRule.Move> move = OwnershipRule.decide("node-a", "uuid-a", NodeState.STOPPING, MEMBERS,
                statuses(NodeState.DRAINED, NodeState.DRAINING), owner("node-a", "uuid-a"));

        assertThat(move).contains(new OwnershipRule.Move("uuid-a", "", ""));
    }

    @Test
    void shouldTakeOverFromAnOwnerWhoseStatusSaysItIsDraining() {
        Map<String, NodeStatus> statuses = statuses(NodeState.READY, NodeState.READY);
        statuses.put("uuid-a", status("node-a", "uuid-a", NodeState.DRAINED));

        Optional<OwnershipRule.Move> move = OwnershipRule.decide("node-b", "uuid-b", NodeState.READY, MEMBERS,
                statuses, owner("node-a", "uuid-a"));

        assertThat(move).contains(new OwnershipRule.Move("uuid-a", "node-b", "uuid-b"));
    }

    @Test
    void shouldNotTakeOverWhileThisNodeIsNotReady() {
        assertThat(OwnershipRule.decide("node-a", "uuid-a", NodeState.DRAINED, MEMBERS,
                statuses(NodeState.DRAINED, NodeState.DRAINED), Optional.empty())).isEmpty();
    }

    @Test
    void shouldKeepAnOwnerWithoutPublishedStatusWhileItIsAMember() {
        Map<String, NodeStatus> statuses = statuses(NodeState.READY, NodeState.READY);
        statuses.remove("uuid-c");

        assertThat(OwnershipRule.decide("node-a", "uuid-a", NodeState.READY, MEMBERS, statuses,
                owner("node-c", "uuid-c"))).isEmpty();
    }

    /** Statuses of nodes b and c as the board shows them; node a is the local one in most tests. */
    private static Map<String, NodeStatus> statuses(NodeState b, NodeState c) {
        Map<String, NodeStatus> statuses = new HashMap<>();
        statuses.put("uuid-a", status("node-a", "uuid-a", NodeState.READY));
        statuses.put("uuid-b", status("node-b", "uuid-b", b));
        statuses.put("uuid-c", status("node-c", "uuid-c", c));
        return statuses;
    }

    private static NodeStatus status(String nodeId, String uuid, NodeState state) {
        return new NodeStatus(nodeId, uuid, "127.0.0.1:8080", "test", "20", 0, 1, state, 0, true, false,
                NodeLoad.IDLE, ReplicaCounts.UNKNOWN);
    }

    private static Optional<SchedulerOwnership> owner(String nodeId, String uuid) {
        return Optional.of(new SchedulerOwnership(nodeId, uuid, 3, 0));
    }
}
