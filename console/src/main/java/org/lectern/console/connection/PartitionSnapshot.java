package org.lectern.console.connection;

import java.util.Map;

/**
 * How the live-submissions map is spread, as far as a Hazelcast client can see it.
 *
 * @param entries           entries in the map, cluster-wide (owned copies only)
 * @param partitionCount    partitions in the cluster
 * @param partitionsByOwner member UUID to the number of partitions it owns
 * @param unownedPartitions partitions without an owner right now (a migration or a lost member)
 */
public record PartitionSnapshot(long entries, int partitionCount, Map<String, Integer> partitionsByOwner,
        int unownedPartitions) {

    public static final PartitionSnapshot EMPTY = new PartitionSnapshot(0, 0, Map.of(), 0);

    public PartitionSnapshot {
        partitionsByOwner = Map.copyOf(partitionsByOwner);
    }
}
