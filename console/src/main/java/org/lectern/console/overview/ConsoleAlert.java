package org.lectern.console.overview;

import org.lectern.shared.cluster.EventSeverity;

/**
 * An alert that holds right now.
 *
 * @param rule     what was crossed
 * @param subject  what it is about: a node id, a broker queue, {@code cluster} or {@code broker}
 * @param message  the figures, in words
 * @param since    when it was raised, as the operator reads it
 */
public record ConsoleAlert(AlertRule rule, String subject, String message, String since) {

    /** The same alert on later refreshes has the same key, so it is raised once. */
    public String key() {
        return rule + "/" + subject;
    }

    public EventSeverity severity() {
        return rule.severity();
    }

    /** Where one click leads: the rule's view and the subject to select there. */
    public Target target() {
        return new Target(rule.view(), subject);
    }
}
