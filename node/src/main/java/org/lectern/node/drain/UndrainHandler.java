package org.lectern.node.drain;

import java.util.Optional;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.operations.CommandHandler;
import org.lectern.node.operations.CommandProgress;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.springframework.stereotype.Component;

/** UNDRAIN: a DRAINING or DRAINED node returns to READY; a drain in progress stops where it is. */
@Component
class UndrainHandler implements CommandHandler {

    private final Drainer drainer;
    private final NodeLifecycle lifecycle;

    UndrainHandler(Drainer drainer, NodeLifecycle lifecycle) {
        this.drainer = drainer;
        this.lifecycle = lifecycle;
    }

    @Override
    public CommandKind kind() {
        return CommandKind.UNDRAIN;
    }

    @Override
    public Optional<String> refusal(OperatorCommand command) {
        if (!command.argument().isEmpty()) {
            return Optional.of("UNDRAIN takes no argument");
        }
        NodeState state = lifecycle.state();
        return state == NodeState.DRAINING || state == NodeState.DRAINED ? Optional.empty()
                : Optional.of("node is " + state + "; only a DRAINING or DRAINED node undrains");
    }

    @Override
    public String execute(OperatorCommand command, CommandProgress progress) {
        NodeState from = lifecycle.state();
        drainer.undrain();
        return "READY again (was " + from + ")";
    }
}
