package org.lectern.shared.operations;

import java.util.Objects;

/**
 * An operator's order, put into {@link org.lectern.shared.cluster.ClusterStructures#OPERATOR_COMMANDS} under its
 * id. Nodes act on it only when the signature verifies ({@link OperatorSignatures}): the open-source Hazelcast
 * client protocol authenticates nobody, so the signature is what tells an operator from anyone who reaches the
 * cluster port.
 *
 * @param commandId      unique id (a UUID); a command is acted on once
 * @param kind           what to do
 * @param targetNodeId   the node to act on, or {@link #ALL_NODES}
 * @param argument       the kind's argument (a weight, {@code key=value}), or empty
 * @param operator       who orders it
 * @param issuedAtMillis when it was issued, epoch milliseconds; nodes refuse commands that are too old
 * @param signature      HMAC-SHA256 over the other fields, see {@link OperatorSignatures}
 */
public record OperatorCommand(
        String commandId,
        CommandKind kind,
        String targetNodeId,
        String argument,
        String operator,
        long issuedAtMillis,
        String signature) {

    /** Target of a command for every node, such as a cluster setting. */
    public static final String ALL_NODES = "*";

    public OperatorCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetNodeId, "targetNodeId");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(signature, "signature");
    }
}
