package org.lectern.shared.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a node publishes about itself into {@link ClusterStructures#NODE_STATUS}, every few seconds.
 *
 * <p>Times are epoch milliseconds rather than {@link Instant} so that the record serialises with Hazelcast's
 * zero-configuration compact format, which knows no {@code Instant}, and reads the same from any client language.
 *
 * @param nodeId          the operator's name for the node, unique in the cluster (e.g. {@code node-1})
 * @param memberUuid      the node's Hazelcast member UUID, to tie the record to cluster membership
 * @param httpAddress     where the node serves HTTP, {@code host:port}
 * @param version         the node's software version
 * @param schemaVersion   the database schema version the node was built for (its latest Flyway migration)
 * @param startedAtMillis when the node started, epoch milliseconds
 * @param weight          the node's load-balancing weight (0 takes no new users)
 * @param state           the node's life-cycle state
 * @param publishedAtMillis when this record was published, epoch milliseconds
 * @param brokerConnected whether the node's STOMP relay is connected to the message broker: while it is not, the
 *                        node serves REST but delivers no real-time messages
 * @param schedulerOwner  whether the node owns the cluster's scheduler right now
 * @param load            what the node carries
 * @param replicas        the node's share of the live-submissions map
 * @param flushLagMillis  how late the node's acknowledged live saves reach the database: the age of the oldest
 *                        save it owns that is not in the database yet, milliseconds (0 when none is waiting)
 */
public record NodeStatus(
        String nodeId,
        String memberUuid,
        String httpAddress,
        String version,
        String schemaVersion,
        long startedAtMillis,
        int weight,
        NodeState state,
        long publishedAtMillis,
        boolean brokerConnected,
        boolean schedulerOwner,
        NodeLoad load,
        ReplicaCounts replicas,
        long flushLagMillis) {

    public NodeStatus {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(memberUuid, "memberUuid");
        Objects.requireNonNull(httpAddress, "httpAddress");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(replicas, "replicas");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative, was " + weight);
        }
        if (flushLagMillis < 0) {
            throw new IllegalArgumentException("flushLagMillis must not be negative, was " + flushLagMillis);
        }
    }

    /** A record of a node with no live saves waiting for the database (flush lag 0). */
    public NodeStatus(String nodeId, String memberUuid, String httpAddress, String version, String schemaVersion,
            long startedAtMillis, int weight, NodeState state, long publishedAtMillis, boolean brokerConnected,
            boolean schedulerOwner, NodeLoad load, ReplicaCounts replicas) {
        this(nodeId, memberUuid, httpAddress, version, schemaVersion, startedAtMillis, weight, state,
                publishedAtMillis, brokerConnected, schedulerOwner, load, replicas, 0);
    }

    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    public Instant publishedAt() {
        return Instant.ofEpochMilli(publishedAtMillis);
    }

    public Duration flushLag() {
        return Duration.ofMillis(flushLagMillis);
    }
}
