package org.lectern.node.messaging;

import java.util.Map;
import org.lectern.shared.topics.AccessRule;

/**
 * Decides the access rule of a declared destination for one user. Messaging knows destinations, not courses or
 * exams; the features behind the rules implement this (see {@code org.lectern.node.realtime}).
 */
public interface SubscriptionAuthorizer {

    /**
     * True if the user with this login may subscribe (or, for an application destination, send) to a destination
     * with this rule and these ids ({@code courseId}, {@code examId}, {@code exerciseId}, {@code teamId}). Unknown
     * ids answer false.
     */
    boolean mayAccess(String login, AccessRule rule, Map<String, Long> ids);
}
