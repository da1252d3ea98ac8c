package org.lectern.packaging.cluster;

/** Something the operator must fix, said in one line; the tool prints it and exits 1. */
public class ClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
