package org.lectern.shared.operations;

/** What an operator can order through the cluster. */
public enum CommandKind {
    /** Set the target node's load-balancing weight to the argument (an integer, 0..256). */
    SET_WEIGHT,
    /** Drain the target node: READY → DRAINING → DRAINED. */
    DRAIN,
    /** Take a drained or draining node back into service. */
    UNDRAIN,
    /** Stop a drained node gracefully. */
    STOP,
    /** Set a cluster-wide setting; the argument is {@code key=value}, the target is {@link OperatorCommand#ALL_NODES}. */
    SET_SETTING
}
