package org.lectern.shared.cluster;

/**
 * A node's share of the live-submissions map: what it owns, what it holds as backup for others, and whether
 * every partition it owns has its backups in sync ("cluster safe" from this member's point of view).
 *
 * @param ownedEntries  live submissions whose primary copy is on this node
 * @param backupEntries live submissions this node holds as a backup of another node's
 * @param localMemberSafe whether this member's partitions all have their backups in sync right now
 */
public record ReplicaCounts(long ownedEntries, long backupEntries, boolean localMemberSafe) {

    /** Before the node has counted. */
    public static final ReplicaCounts UNKNOWN = new ReplicaCounts(0, 0, false);
}
