package org.lectern.shared.scheduling;

/**
 * Who runs the cluster's scheduled tasks, published in {@link org.lectern.shared.cluster.ClusterStructures#SCHEDULER_OWNER}
 * and, one entry per epoch, in {@link org.lectern.shared.cluster.ClusterStructures#SCHEDULER_HISTORY}.
 *
 * @param ownerNodeId     the owning node's id
 * @param ownerMemberUuid the owning node's Hazelcast member UUID
 * @param epoch           increases by one on every change of owner; a task run is claimed under it
 * @param sinceMillis     when this owner took over, epoch milliseconds
 */
public record SchedulerOwnership(String ownerNodeId, String ownerMemberUuid, long epoch, long sinceMillis) {
}
