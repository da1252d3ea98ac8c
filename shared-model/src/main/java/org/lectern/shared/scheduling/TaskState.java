package org.lectern.shared.scheduling;

/** Where a scheduled task is. */
public enum TaskState {
    /** Waiting for its due time. */
    SCHEDULED,
    /** Claimed by the owner and running. */
    RUNNING,
    /** Ran to completion (exactly once). */
    DONE,
    /** Ran and failed; the message says why. */
    FAILED,
    /** Withdrawn before it was due. */
    CANCELLED
}
