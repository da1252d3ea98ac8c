package org.lectern.node.cluster;

/** The node found a cluster whose members need another database schema version than it does, and left it. */
public class IncompatibleClusterException extends RuntimeException {

    private final String ownVersion;
    private final String clusterVersion;

    IncompatibleClusterException(String nodeId, String clusterName, String ownVersion, String clusterVersion,
            String members) {
        super("Node " + nodeId + " needs database schema version " + ownVersion + " but the members of cluster '"
                + clusterName + "' (" + members + ") run schema version " + clusterVersion
                + "; it left the cluster and stops without touching the database. Nodes of different schema versions "
                + "never run together: a rolling update is only for versions with the same schema, a schema change is "
                + "a critical update (stop every node, start one node of the new version to migrate the database, "
                + "then start the others). See docs/cluster-membership.md, \"Updates\".");
        this.ownVersion = ownVersion;
        this.clusterVersion = clusterVersion;
    }

    public String ownVersion() {
        return ownVersion;
    }

    public String clusterVersion() {
        return clusterVersion;
    }
}
