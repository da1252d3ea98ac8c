package org.lectern.shared.operations;

/**
 * One line of the operators' audit log: who ordered what, when, and how it ended. Stored in the database and shown
 * through {@link org.lectern.shared.cluster.ClusterStructures#AUDIT_LOG}.
 *
 * @param commandId    the command's id
 * @param atMillis     when the node acted on it, epoch milliseconds
 * @param operator     who ordered it (as signed)
 * @param kind         what was ordered
 * @param targetNodeId on which node
 * @param argument     with which argument
 * @param outcome      how it ended
 * @param nodeId       the node that wrote this line
 * @param message      details
 */
public record AuditEntry(
        String commandId,
        long atMillis,
        String operator,
        CommandKind kind,
        String targetNodeId,
        String argument,
        CommandOutcome outcome,
        String nodeId,
        String message) {
}
