package org.lectern.console.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.settings.ClusterSetting;

/**
 * The operator's actions: weight changes, drain, undrain, stop, rolling operations and settings, each sent as a
 * signed command and followed until the nodes report it done. Lives on the FX thread; {@link #update} is called
 * with every fresh cluster snapshot.
 */
public final class OperationsViewModel {

    /** The highest weight a node accepts, as HAProxy does. */
    public static final int MAX_WEIGHT = 256;

    /** How long the console waits for any node to answer a command before it calls the step failed. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway gateway;
    private final BackgroundExecutor background;
    private final Clock clock;
    private final ObservableList<Operation> operations = FXCollections.observableArrayList();
    private final ObservableList<Operation> operationsView = FXCollections.unmodifiableObservableList(operations);
    private final ReadOnlyBooleanWrapper canSign = new ReadOnlyBooleanWrapper(this, "canSign");
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper(this, "operator", "");
    private final Map<String, CommandResult> results = new HashMap<>();
    private Map<String, NodeStatus> nodes = Map.of();
    /** Volatile: read by workers checking signed cluster state, set on the FX thread. */
    private volatile OperatorCredential credential;
    private boolean fetching;

    public OperationsViewModel(CommandGateway gateway, BackgroundExecutor background, Clock clock) {
        this.gateway = gateway;
        this.background = background;
        this.clock = clock;
    }

    public ObservableList<Operation> operations() {
        return operationsView;
    }

    /** Whether a credential was given, without which no action can be sent. */
    public ReadOnlyBooleanProperty canSignProperty() {
        return canSign.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public void useCredential(OperatorCredential given) {
        credential = given;
        canSign.set(given != null);
        operator.set(given == null ? "" : given.operator());
    }

    /**
     * The key of the credential in use, to check the signatures of what the cluster's operator-controlled maps
     * hold ({@link org.lectern.console.connection.SignedStateReader}); empty without a credential.
     */
    public Optional<byte[]> signingKey() {
        OperatorCredential current = credential;
        return current == null ? Optional.empty() : Optional.of(current.secret());
    }

    /** Why {@code text} is not a weight, or empty when it is one. */
    public static Optional<String> validateWeight(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.matches("\\d{1,3}") || Integer.parseInt(trimmed) > MAX_WEIGHT) {
            return Optional.of("A weight is a whole number from 0 to " + MAX_WEIGHT);
        }
        return Optional.empty();
    }

    /** Why {@code value} cannot be stored for {@code setting}, or empty when it can. */
    public static Optional<String> validateSetting(ClusterSetting setting, String value) {
        String text = value == null ? "" : value;
        if (text.contains("\n")) {
            return Optional.of("A setting is one line");
        }
        return switch (setting) {
            case FILE_UPLOADS_ENABLED -> text.equals("true") || text.equals("false")
                    ? Optional.empty() : Optional.of("Either true or false");
            case AUTOSAVE_INTERVAL_SECONDS, SAVES_PER_MINUTE -> text.matches("[1-9]\\d{0,5}")
                    ? Optional.empty() : Optional.of("A whole number from 1 to 999999");
            case ANNOUNCEMENT_BANNER -> text.length() <= 500 ? Optional.empty() : Optional.of("At most 500 characters");
        };
    }

    /** What draining {@code nodeId} will do, for the confirmation the operator reads before it starts. */
    public String describeDrain(String nodeId) {
        NodeStatus node = nodes.get(nodeId);
        if (node == null) {
            return nodeId + " is not a member any more.";
        }
        List<String> others = nodes.values().stream()
                .filter(other -> !other.nodeId().equals(nodeId) && other.state() == NodeState.READY)
                .map(NodeStatus::nodeId).sorted().toList();
        StringBuilder text = new StringBuilder("Drain " + nodeId + "?\n");
        text.append("• It stops taking new users; the load balancer sends them to ")
                .append(others.isEmpty() ? "NO other node — it is the only READY one" : String.join(", ", others))
                .append(".\n");
        text.append("• Its ").append(node.load().webSocketSessions()).append(" sessions (")
                .append(node.load().users()).append(" users) move to the other nodes as their browsers reconnect.\n");
        if (node.schedulerOwner()) {
            text.append("• It owns the scheduler: another node takes over the scheduled tasks.\n");
        }
        text.append("• The live submissions it owns (").append(node.replicas().ownedEntries())
                .append(") stay in the cluster through their backups.\n");
        text.append("The console follows it until it reports DRAINED; it can then be stopped or updated.");
        return text.toString();
    }

    /** Whether the node may be stopped: only a drained node, so nobody loses a session. */
    public boolean canStop(String nodeId) {
        NodeStatus node = nodes.get(nodeId);
        return node != null && node.state() == NodeState.DRAINED;
    }

    public Operation changeWeight(String nodeId, String weightText) {
        validateWeight(weightText).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String weight = Integer.toString(Integer.parseInt(weightText.strip()));
        return start("Set weight of " + nodeId + " to " + weight, List.of(
                new Step.Send(CommandKind.SET_WEIGHT, nodeId, weight), new Step.AwaitCompleted()));
    }

    public Operation drain(String nodeId) {
        return start("Drain " + nodeId, List.of(
                new Step.Send(CommandKind.DRAIN, nodeId, ""), new Step.AwaitState(nodeId, NodeState.DRAINED)));
    }

    public Operation undrain(String nodeId) {
        return start("Undrain " + nodeId, List.of(
                new Step.Send(CommandKind.UNDRAIN, nodeId, ""), new Step.AwaitState(nodeId, NodeState.READY)));
    }

    public Operation stop(String nodeId) {
        if (!canStop(nodeId)) {
            throw new IllegalArgumentException("Only a DRAINED node can be stopped; drain " + nodeId + " first");
        }
        return start("Stop " + nodeId, List.of(new Step.Send(CommandKind.STOP, nodeId, ""), new Step.AwaitGone(nodeId)));
    }

    /**
     * Drain, wait, let the operator update, undrain and wait, node after node in the given order; halts at the
     * first failure so a broken update stops at one node.
     */
    public Operation rolling(List<String> nodeIds) {
        if (nodeIds.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one node");
        }
        List<Step> steps = new ArrayList<>();
        for (String nodeId : nodeIds) {
            steps.add(new Step.Send(CommandKind.DRAIN, nodeId, ""));
            steps.add(new Step.AwaitState(nodeId, NodeState.DRAINED));
            steps.add(new Step.Confirm(nodeId + " is DRAINED: update it, then continue to take it back into service"));
            steps.add(new Step.Send(CommandKind.UNDRAIN, nodeId, ""));
            steps.add(new Step.AwaitState(nodeId, NodeState.READY));
        }
        return start("Rolling operation over " + String.join(", ", nodeIds), steps);
    }

    public Operation setSetting(ClusterSetting setting, String value) {
        validateSetting(setting, value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return start("Set " + setting.key() + " to '" + value + "'", List.of(
                new Step.Send(CommandKind.SET_SETTING, OperatorCommand.ALL_NODES, setting.key() + "=" + value),
                new Step.AwaitCompleted()));
    }

    /** The operator says a waiting step may go on. */
    public void confirm(Operation operation) {
        operation.confirm();
        advance(operation);
    }

    public void cancel(Operation operation) {
        operation.cancel();
    }

    /** Removes finished operations from the list. */
    public void clearFinished() {
        operations.removeIf(operation -> operation.state().finished());
    }

    /** A fresh view of the nodes (node id to status, current members only): moves every operation on. */
    public void update(Map<String, NodeStatus> currentNodes) {
        nodes = Map.copyOf(currentNodes);
        List<String> awaited = operations.stream()
                .filter(operation -> !operation.state().finished() && operation.lastCommandId() != null)
                .map(Operation::lastCommandId).toList();
        if (awaited.isEmpty() || fetching) {
            advanceAll();
            return;
        }
        fetching = true;
        background.run(() -> gateway.results(awaited), fetched -> {
            fetching = false;
            results.putAll(fetched);
            advanceAll();
        }, failure -> {
            fetching = false;
            advanceAll();
        });
    }

    private Operation start(String title, List<Step> steps) {
        if (credential == null) {
            throw new IllegalStateException("Connect with an operator credential to send commands");
        }
        Operation operation = new Operation(title, steps);
        operations.add(0, operation);
        advance(operation);
        return operation;
    }

    private void advanceAll() {
        List.copyOf(operations).forEach(this::advance);
    }

    private void advance(Operation operation) {
        while (!operation.state().finished() && operation.state() != OperationState.WAITING_FOR_OPERATOR
                && !operation.sending()) {
            if (!stepDone(operation, operation.currentStep())) {
                return;
            }
            operation.next();
        }
    }

    /** Runs or checks one step; true when it is done and the next may start. */
    private boolean stepDone(Operation operation, Step step) {
        if (step instanceof Step.Send send) {
            send(operation, send);
            return false;
        }
        if (step instanceof Step.Confirm confirm) {
            if (operation.takeConfirmation()) {
                return true;
            }
            operation.waitForOperator(confirm.prompt());
            return false;
        }
        if (step instanceof Step.AwaitState await) {
            return reached(operation, await);
        }
        if (step instanceof Step.AwaitGone gone) {
            if (!nodes.containsKey(gone.nodeId())) {
                return true;
            }
            if (!refused(operation)) {
                operation.report("Waiting for " + gone.nodeId() + " to stop (" + nodes.get(gone.nodeId()).state() + ")");
            }
            return false;
        }
        return answered(operation, CommandOutcome.COMPLETED);
    }

    private void send(Operation operation, Step.Send send) {
        OperatorCommand command = OperatorSignatures.sign(send.kind(), send.target(), send.argument(),
                credential.operator(), clock.millis(), credential.secret());
        operation.sending(true);
        operation.report("Sending " + send.kind() + " to " + send.target());
        background.run(() -> {
            gateway.submit(command);
            return command.commandId();
        }, commandId -> {
            if (operation.state().finished()) {
                return;
            }
            operation.sent(commandId, clock.instant());
            advance(operation);
        }, failure -> operation.fail("Could not send " + send.kind() + " to " + send.target() + ": " + failure.getMessage()));
    }

    private boolean answered(Operation operation, CommandOutcome wanted) {
        CommandResult result = results.get(operation.lastCommandId());
        if (result != null && result.outcome() == wanted) {
            return true;
        }
        if (!refused(operation)) {
            operation.report(result == null ? "Waiting for the nodes to answer" : result.nodeId() + ": " + result.message());
        }
        return false;
    }

    private boolean reached(Operation operation, Step.AwaitState await) {
        NodeStatus node = nodes.get(await.nodeId());
        if (node == null) {
            operation.fail(await.nodeId() + " left the cluster before it was " + await.state());
            return false;
        }
        if (node.state() == await.state()) {
            return true;
        }
        if (!refused(operation)) {
            String load = node.state() == NodeState.DRAINING
                    ? ": " + node.load().webSocketSessions() + " sessions, " + node.load().users() + " users left"
                    : "";
            operation.report(await.nodeId() + " is " + node.state() + load + "; waiting for " + await.state());
        }
        return false;
    }

    /** Fails the operation when a node refused or failed the last command, or nobody answered in time. */
    private boolean refused(Operation operation) {
        CommandResult result = results.get(operation.lastCommandId());
        if (result != null && (result.outcome() == CommandOutcome.REJECTED || result.outcome() == CommandOutcome.FAILED)) {
            operation.fail(result.nodeId() + " " + result.outcome().name().toLowerCase() + " the command: " + result.message());
            return true;
        }
        Instant sentAt = operation.lastSentAt();
        if (result == null && sentAt != null && clock.instant().isAfter(sentAt.plus(ANSWER_TIMEOUT))) {
            operation.fail("No node answered within " + ANSWER_TIMEOUT.toSeconds() + " s; is the target running?");
            return true;
        }
        return false;
    }
}
