package org.lectern.node.operations;

import java.util.Optional;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;

/**
 * Carries out one kind of operator command on this node. The operations feature has verified the command (signature,
 * age, replay, target) before it asks; a handler judges the argument and the node's state, then acts.
 */
public interface CommandHandler {

    CommandKind kind();

    /**
     * Why this node refuses the command now (an invalid argument, a state it cannot act in), or empty when it will
     * act. Changes nothing.
     */
    Optional<String> refusal(OperatorCommand command);

    /**
     * Acts on an accepted command, on a thread of its own; may take long and report progress on the way.
     *
     * @return what was done, for the operator
     * @throws Exception when it could not finish; the message is the operator's
     */
    String execute(OperatorCommand command, CommandProgress progress) throws Exception;
}
