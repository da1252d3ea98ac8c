package org.lectern.node.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.scheduling.SchedulerOwnership;

/**
 * Who should own the scheduler, decided the same way on every node from what each sees: the cluster's members in
 * join order, the nodes' published states, this node's own state, and the current ownership record.
 * <ul>
 * <li>An owner keeps the scheduler while it is a member and its state is not DRAINING, DRAINED or STOPPING: no
 * node takes it away from a working owner, so a stale status never makes ownership flap.</li>
 * <li>Otherwise the successor is the oldest member that is READY, and the move is made by the successor itself,
 * or by the outgoing owner (draining or stopping) so that the hand-over does not wait for anyone's next look.</li>
 * </ul>
 */
final class OwnershipRule {

    private OwnershipRule() {
    }

    /** A change of ownership this node should make: from the current owner's member to the given node. */
    record Move(String expectedOwnerMemberUuid, String nodeId, String memberUuid) {
    }

    static Optional<Move> decide(String localNodeId, String localMemberUuid, NodeState localState,
            List<String> membersOldestFirst, Map<String, NodeStatus> statusByMember,
            Optional<SchedulerOwnership> current) {
        String ownerUuid = current.map(SchedulerOwnership::ownerMemberUuid).orElse("");
        if (!ownerUuid.isEmpty() && membersOldestFirst.contains(ownerUuid)
                && !leaving(ownerUuid.equals(localMemberUuid) ? localState : stateOf(statusByMember, ownerUuid))) {
            return Optional.empty();
        }
        Optional<String> successor = membersOldestFirst.stream()
                .filter(uuid -> !uuid.equals(ownerUuid))
                .filter(uuid -> (uuid.equals(localMemberUuid) ? localState : stateOf(statusByMember, uuid))
                        == NodeState.READY)
                .findFirst();
        if (successor.isPresent() && successor.get().equals(localMemberUuid)) {
            return Optional.of(new Move(ownerUuid, localNodeId, localMemberUuid));
        }
        if (!ownerUuid.isEmpty() && ownerUuid.equals(localMemberUuid)) {
            return Optional.of(successor
                    .map(uuid -> new Move(ownerUuid, statusByMember.get(uuid).nodeId(), uuid))
                    .orElseGet(() -> new Move(ownerUuid, "", "")));
        }
        return Optional.empty();
    }

    /** A member without a published status (just joined, or its record lapsed) is not known to be leaving. */
    private static NodeState stateOf(Map<String, NodeStatus> statusByMember, String memberUuid) {
        NodeStatus status = statusByMember.get(memberUuid);
        return status == null ? null : status.state();
    }

    private static boolean leaving(NodeState state) {
        return state == NodeState.DRAINING || state == NodeState.DRAINED || state == NodeState.STOPPING;
    }
}
