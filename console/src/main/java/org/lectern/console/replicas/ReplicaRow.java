package org.lectern.console.replicas;

/**
 * One member's share of the live-submissions map.
 *
 * @param nodeId     the node, or the member address when it has not published a status
 * @param owned      entries whose primary copy it holds
 * @param backup     entries it holds as another member's backup
 * @param partitions partitions it owns
 * @param safe       whether its partitions' backups are in sync
 */
public record ReplicaRow(String nodeId, long owned, long backup, int partitions, boolean safe) {
}
