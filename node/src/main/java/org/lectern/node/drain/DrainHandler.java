package org.lectern.node.drain;

import java.util.Optional;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.operations.CommandHandler;
import org.lectern.node.operations.CommandProgress;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.springframework.stereotype.Component;

/** DRAIN: a READY node drains; the answer stays ACCEPTED with the progress until the report of DRAINED. */
@Component
class DrainHandler implements CommandHandler {

    private final Drainer drainer;
    private final NodeLifecycle lifecycle;

    DrainHandler(Drainer drainer, NodeLifecycle lifecycle) {
        this.drainer = drainer;
        this.lifecycle = lifecycle;
    }

    @Override
    public CommandKind kind() {
        return CommandKind.DRAIN;
    }

    @Override
    public Optional<String> refusal(OperatorCommand command) {
        if (!command.argument().isEmpty()) {
            return Optional.of("DRAIN takes no argument");
        }
        NodeState state = lifecycle.state();
        return state == NodeState.READY ? Optional.empty()
                : Optional.of("node is " + state + "; only a READY node drains");
    }

    @Override
    public String execute(OperatorCommand command, CommandProgress progress) {
        return drainer.drain(progress::report);
    }
}
