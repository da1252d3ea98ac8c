package org.lectern.console.operations;

import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.operations.CommandKind;

/** One step of an {@link Operation}. */
sealed interface Step {

    /** Signs and sends a command; the following await steps watch its answer. */
    record Send(CommandKind kind, String target, String argument) implements Step {
    }

    /** Waits until the node reports the state. */
    record AwaitState(String nodeId, NodeState state) implements Step {
    }

    /** Waits until the last command is COMPLETED. */
    record AwaitCompleted() implements Step {
    }

    /** Waits until the node has left the cluster. */
    record AwaitGone(String nodeId) implements Step {
    }

    /** Waits until the operator says to go on. */
    record Confirm(String prompt) implements Step {
    }
}
