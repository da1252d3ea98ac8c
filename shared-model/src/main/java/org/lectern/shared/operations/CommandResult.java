package org.lectern.shared.operations;

/**
 * A node's answer to a command, in {@link org.lectern.shared.cluster.ClusterStructures#COMMAND_RESULTS} under the
 * command's id (updated as the command progresses).
 *
 * @param commandId the command answered
 * @param nodeId    the node that answered
 * @param outcome   how far it got
 * @param message   what happened, for the operator
 * @param atMillis  when, epoch milliseconds
 */
public record CommandResult(String commandId, String nodeId, CommandOutcome outcome, String message, long atMillis) {
}
