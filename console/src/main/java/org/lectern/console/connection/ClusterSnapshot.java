package org.lectern.console.connection;

import java.util.List;
import java.util.Set;
import org.lectern.shared.cluster.NodeStatus;

/**
 * What the cluster looked like at one moment: who is a member, and what the nodes last published.
 *
 * @param memberUuids      the UUIDs of the current cluster members
 * @param statuses         the entries of the node-status map, possibly from members that have already left
 * @param oldestMemberUuid the member that joined first (Hazelcast's master), empty when there is none
 */
public record ClusterSnapshot(Set<String> memberUuids, List<NodeStatus> statuses, String oldestMemberUuid) {

    /** What the console knows while it is not connected: nothing. */
    public static final ClusterSnapshot EMPTY = new ClusterSnapshot(Set.of(), List.of(), "");

    public ClusterSnapshot {
        memberUuids = Set.copyOf(memberUuids);
        statuses = List.copyOf(statuses);
        oldestMemberUuid = oldestMemberUuid == null ? "" : oldestMemberUuid;
    }

    /** A snapshot in which no member is known to be the oldest. */
    public ClusterSnapshot(Set<String> memberUuids, List<NodeStatus> statuses) {
        this(memberUuids, statuses, "");
    }
}
