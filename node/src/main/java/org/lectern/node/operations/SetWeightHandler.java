package org.lectern.node.operations;

import java.util.Optional;
import org.lectern.node.balancer.WeightControl;
import org.lectern.node.cluster.ClusterEvents;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.springframework.stereotype.Component;

/** SET_WEIGHT: the node's load-balancing weight, a whole number 0..{@value WeightControl#MAX_WEIGHT}. */
@Component
class SetWeightHandler implements CommandHandler {

    private final WeightControl weight;
    private final ClusterEvents events;
    private final NodeProperties node;

    SetWeightHandler(WeightControl weight, ClusterEvents events, NodeProperties node) {
        this.weight = weight;
        this.events = events;
        this.node = node;
    }

    @Override
    public CommandKind kind() {
        return CommandKind.SET_WEIGHT;
    }

    @Override
    public Optional<String> refusal(OperatorCommand command) {
        return parse(command.argument()).isPresent() ? Optional.empty()
                : Optional.of("a weight is a whole number from 0 to " + WeightControl.MAX_WEIGHT + ", not '"
                        + command.argument() + "'");
    }

    @Override
    public String execute(OperatorCommand command, CommandProgress progress) {
        int next = parse(command.argument()).orElseThrow();
        int previous = weight.weight();
        weight.setWeight(next);
        events.publish(ClusterEventKind.WEIGHT_CHANGED, EventSeverity.INFO, "Weight of node " + node.id()
                + " changed from " + previous + " to " + next + " by " + command.operator());
        return "weight " + previous + " -> " + next;
    }

    private static Optional<Integer> parse(String argument) {
        if (!argument.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(argument);
        return value <= WeightControl.MAX_WEIGHT ? Optional.of(value) : Optional.empty();
    }
}
