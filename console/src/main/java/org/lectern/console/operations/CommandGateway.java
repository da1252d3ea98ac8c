package org.lectern.console.operations;

import java.util.Collection;
import java.util.Map;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;

/** Where commands go and answers come from: the cluster's command maps. Both methods block, with a timeout. */
public interface CommandGateway {

    void submit(OperatorCommand command);

    /** The latest answers to these commands; commands no node has answered yet are absent. */
    Map<String, CommandResult> results(Collection<String> commandIds);
}
