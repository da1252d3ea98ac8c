package org.lectern.node.drain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.operations.CommandHandler;
import org.lectern.node.operations.CommandProgress;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * STOP: a DRAINED node shuts down gracefully (Spring's shutdown, then Hazelcast's, which hands its partitions to the
 * other members before it leaves). Any other node refuses: stopping it would cut users and work off.
 */
@Component
class StopHandler implements CommandHandler {

    /** Time for the answer and the audit line to reach the cluster before the node leaves it. */
    private static final Duration ANSWER_FIRST = Duration.ofSeconds(1);

    private final NodeLifecycle lifecycle;
    private final ConfigurableApplicationContext context;

    StopHandler(NodeLifecycle lifecycle, ConfigurableApplicationContext context) {
        this.lifecycle = lifecycle;
        this.context = context;
    }

    @Override
    public CommandKind kind() {
        return CommandKind.STOP;
    }

    @Override
    public Optional<String> refusal(OperatorCommand command) {
        if (!command.argument().isEmpty()) {
            return Optional.of("STOP takes no argument");
        }
        NodeState state = lifecycle.state();
        return state == NodeState.DRAINED ? Optional.empty()
                : Optional.of("node is " + state + "; only a DRAINED node stops (drain it first)");
    }

    @Override
    public String execute(OperatorCommand command, CommandProgress progress) {
        // Its own thread, not a command thread: closing the context stops the command threads.
        CompletableFuture.runAsync(context::close,
                CompletableFuture.delayedExecutor(ANSWER_FIRST.toMillis(), TimeUnit.MILLISECONDS,
                        runnable -> new Thread(runnable, "operator-stop").start()));
        return "stopping gracefully";
    }
}
