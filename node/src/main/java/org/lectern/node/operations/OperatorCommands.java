package org.lectern.node.operations;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.node.cluster.ClusterEvents;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.node.cluster.NodeStatusBoard;
import org.lectern.node.cluster.OperatorCommandChannel;
import org.lectern.node.cluster.OperatorKey;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Receives operator commands from the cluster and acts on those meant for this node: commands for this node's id,
 * and, on the coordinator, commands for all nodes and for nodes that do not exist (so that they are answered too).
 * A command is acted on only when its signature verifies with the operator credential, it is recent, it was never
 * acted on before and its handler accepts its argument; otherwise it is rejected with the reason, and nothing
 * changes. Every answer is audited.
 */
@Service
class OperatorCommands {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorCommands.class);
    /** Long commands (a drain) run beside the ones that may interrupt them (an undrain). */
    private static final int THREADS = 4;

    private final OperatorCommandChannel channel;
    private final NodeStatusBoard board;
    private final ClusterEvents events;
    private final AuditLog audit;
    private final OperationsProperties properties;
    private final NodeProperties node;
    private final Clock clock;
    private final byte[] credential;
    private final Map<CommandKind, CommandHandler> handlers = new EnumMap<>(CommandKind.class);
    private final ExecutorService executor;

    OperatorCommands(OperatorCommandChannel channel, NodeStatusBoard board, ClusterEvents events, AuditLog audit,
            OperationsProperties properties, OperatorKey key, NodeProperties node, Clock clock,
            List<CommandHandler> handlers) {
        this.channel = channel;
        this.board = board;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
        this.credential = key.bytes();
        for (CommandHandler handler : handlers) {
            if (this.handlers.put(handler.kind(), handler) != null) {
                throw new IllegalStateException("Two handlers for " + handler.kind());
            }
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "operator-command-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens once the node serves: a command must not find it half started. */
    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        channel.onCommand(this::received);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void received(OperatorCommand command) {
        if (!isMine(command)) {
            return;
        }
        try {
            executor.execute(() -> handle(command));
        } catch (RejectedExecutionException stopping) {
            LOG.info("Ignored operator command {} while stopping", command.commandId());
        }
    }

    private boolean isMine(OperatorCommand command) {
        String target = command.targetNodeId();
        if (target.equals(node.id())) {
            return true;
        }
        if (!channel.isCoordinator()) {
            return false;
        }
        return target.equals(OperatorCommand.ALL_NODES)
                || board.all().stream().map(NodeStatus::nodeId).noneMatch(target::equals);
    }

    private void handle(OperatorCommand command) {
        try {
            Optional<String> refusal = refusal(command);
            if (refusal.isPresent()) {
                reject(command, refusal.get());
                return;
            }
            if (!channel.answerFirst(result(command, CommandOutcome.ACCEPTED, "accepted"))) {
                rejectReplay(command);
                return;
            }
            audit.write(command.commandId(), entry(command, CommandOutcome.ACCEPTED, "accepted"));
            execute(command);
        } catch (RuntimeException e) {
            LOG.error("Could not handle operator command {}", command.commandId(), e);
        }
    }

    /** The checks in order of trust: nothing of a command with a bad signature is believed, its id included. */
    private Optional<String> refusal(OperatorCommand command) {
        if (!OperatorSignatures.verify(command, credential)) {
            return Optional.of("the signature does not verify with this cluster's operator credential");
        }
        if (audit.knows(command.commandId())) {
            return Optional.of("command " + command.commandId() + " was acted on before (a replay)");
        }
        long ageMillis = clock.millis() - command.issuedAtMillis();
        if (ageMillis > properties.maxCommandAge().toMillis()) {
            return Optional.of("issued " + ageMillis / 1000 + " s ago; commands older than "
                    + properties.maxCommandAge().toSeconds() + " s are refused");
        }
        if (-ageMillis > properties.maxClockSkew().toMillis()) {
            return Optional.of("issued " + -ageMillis / 1000 + " s in the future; check the console's clock");
        }
        String target = command.targetNodeId();
        boolean forAll = target.equals(OperatorCommand.ALL_NODES);
        if (!forAll && !target.equals(node.id())) {
            return Optional.of("no node '" + target + "' in this cluster");
        }
        if (forAll != (command.kind() == CommandKind.SET_SETTING)) {
            return Optional.of(forAll ? command.kind() + " is for one node, not all"
                    : "SET_SETTING is for all nodes (target " + OperatorCommand.ALL_NODES + ")");
        }
        CommandHandler handler = handlers.get(command.kind());
        if (handler == null) {
            return Optional.of("this node does not carry out " + command.kind());
        }
        return handler.refusal(command);
    }

    private void reject(OperatorCommand command, String reason) {
        boolean first = channel.answerFirst(result(command, CommandOutcome.REJECTED, reason));
        // A later rejection of the same id must not overwrite what consoles see of the first answer.
        String key = first ? command.commandId() : command.commandId() + "/" + UUID.randomUUID();
        audit.write(key, entry(command, CommandOutcome.REJECTED, reason));
        events.publish(ClusterEventKind.COMMAND_REJECTED, EventSeverity.WARNING, "Rejected " + command.kind()
                + " for " + command.targetNodeId() + " from '" + command.operator() + "': " + reason);
    }

    private void rejectReplay(OperatorCommand command) {
        reject(command, "command " + command.commandId() + " was answered before (a replay)");
    }

    private void execute(OperatorCommand command) {
        CommandHandler handler = handlers.get(command.kind());
        CommandProgress progress = message -> channel.answer(result(command, CommandOutcome.ACCEPTED, message));
        CommandOutcome outcome;
        String message;
        try {
            message = handler.execute(command, progress);
            outcome = CommandOutcome.COMPLETED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = CommandOutcome.FAILED;
            message = "interrupted: the node is stopping";
        } catch (Exception e) {
            LOG.warn("Operator command {} ({}) failed: {}", command.commandId(), command.kind(), e.toString());
            outcome = CommandOutcome.FAILED;
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        channel.answer(result(command, outcome, message));
        audit.write(command.commandId(), entry(command, outcome, message));
    }

    private CommandResult result(OperatorCommand command, CommandOutcome outcome, String message) {
        return new CommandResult(command.commandId(), node.id(), outcome, message, clock.millis());
    }

    private AuditEntry entry(OperatorCommand command, CommandOutcome outcome, String message) {
        return new AuditEntry(command.commandId(), clock.millis(), command.operator(), command.kind(),
                command.targetNodeId(), command.argument(), outcome, node.id(), message);
    }
}
