package org.lectern.shared.operations;

/** How a node answered an {@link OperatorCommand}. */
public enum CommandOutcome {
    /** Verified and started. */
    ACCEPTED,
    /** Refused: bad signature, too old, unknown node, invalid argument. Nothing was changed. */
    REJECTED,
    /** Done. */
    COMPLETED,
    /** Started but could not finish; the message says why. */
    FAILED
}
