package org.lectern.console.operations;

/** Where an operator's operation is. */
public enum OperationState {
    /** Commands are being sent or the console waits for the nodes. */
    RUNNING,
    /** Waits for the operator to confirm a step, e.g. that a drained node was updated. */
    WAITING_FOR_OPERATOR,
    /** Every step is done. */
    COMPLETED,
    /** A step failed; the remaining steps were not run. */
    FAILED,
    /** The operator cancelled it; the remaining steps were not run. */
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
