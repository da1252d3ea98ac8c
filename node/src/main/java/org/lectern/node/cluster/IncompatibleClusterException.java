package org.lectern.node.cluster;

/**
 * The node found a cluster whose members need another database schema version, or speak another wire format, than
 * it does, and left it.
 */
public class IncompatibleClusterException extends RuntimeException {

    /** What differs. */
    public enum Mismatch {
        SCHEMA_VERSION("needs database schema version", "run schema version", "schema version"),
        WIRE_FORMAT("speaks cluster wire format", "speak wire format", "wire format");

        private final String own;
        private final String theirs;
        private final String noun;

        Mismatch(String own, String theirs, String noun) {
            this.own = own;
            this.theirs = theirs;
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    private final Mismatch mismatch;
    private final String ownVersion;
    private final String clusterVersion;

    IncompatibleClusterException(Mismatch mismatch, String nodeId, String clusterName, String ownVersion,
            String clusterVersion, String members) {
        super("Node " + nodeId + " " + mismatch.own + " " + ownVersion + " but the members of cluster '"
                + clusterName + "' (" + members + ") " + mismatch.theirs + " " + clusterVersion
                + "; it left the cluster and stops without touching the database. Nodes of different "
                + mismatch.noun + "s never run together: a rolling update is only for versions with the same schema "
                + "and wire format, any other is a critical update (stop every node, start one node of the new "
                + "version to migrate the database, then start the others). See docs/cluster-membership.md, "
                + "\"Updates\".");
        this.mismatch = mismatch;
        this.ownVersion = ownVersion;
        this.clusterVersion = clusterVersion;
    }

    public Mismatch mismatch() {
        return mismatch;
    }

    public String ownVersion() {
        return ownVersion;
    }

    public String clusterVersion() {
        return clusterVersion;
    }
}
