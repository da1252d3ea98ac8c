package org.lectern.console.audit;

/**
 * One line of the audit trail: who ordered what, on which node, when, with what outcome.
 *
 * @param commandId  the command's id
 * @param atMillis   when the node acted on it, epoch milliseconds (for sorting and export)
 * @param at         the same, as the operator reads it
 * @param operator   who ordered it
 * @param kind       what was ordered
 * @param target     on which node ({@code *} for all)
 * @param argument   with which argument
 * @param outcome    how it ended
 * @param writtenBy  the node that wrote the line
 * @param message    details
 */
public record AuditRow(String commandId, long atMillis, String at, String operator, String kind, String target,
        String argument, String outcome, String writtenBy, String message) {
}
