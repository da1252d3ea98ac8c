package org.lectern.node.cluster;

import java.util.function.Consumer;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;

/**
 * Where consoles put operator commands and nodes answer them. The channel only carries: what a command may do, and
 * whether it is genuine, is for the node's operations feature to decide.
 */
public interface OperatorCommandChannel {

    /**
     * Calls {@code listener} for every command put into the channel, also when the same id is put again. Called on
     * a cluster event thread: the listener must hand long work to a thread of its own.
     */
    void onCommand(Consumer<OperatorCommand> listener);

    /**
     * Records the first answer to a command, unless the command has one already (answered before, or by another
     * node).
     *
     * @return whether this was the first answer
     */
    boolean answerFirst(CommandResult result);

    /** Replaces the answer to a command as it progresses. */
    void answer(CommandResult result);

    /** Shows an audit line to consoles under {@code key} (the database keeps every line; this map the recent ones). */
    void showAudit(String key, AuditEntry entry);

    /**
     * Whether this node answers for the cluster as a whole: commands for nodes that do not exist. The oldest member,
     * so that exactly one node does while the membership is stable.
     */
    boolean isCoordinator();
}
