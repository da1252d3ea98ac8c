package org.lectern.node.messaging;

import java.security.Principal;
import java.util.Optional;
import org.lectern.shared.topics.AccessRule;
import org.lectern.shared.topics.DestinationKind;
import org.lectern.shared.topics.TopicMatch;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.stereotype.Component;

/**
 * The one answer to "may this user use this destination?": declared in {@link TopicRegistry}, no wildcard, and
 * its rule satisfied. SUBSCRIBE and SEND ({@link StompAuthorization}) and replay ask the same question here, so
 * what a client may not subscribe to it cannot replay either.
 */
@Component
class DestinationRules implements ReplayAccess {

    enum Verdict {
        ALLOWED,
        WILDCARD,
        UNDECLARED,
        FORBIDDEN
    }

    private final SubscriptionAuthorizer authorizer;

    DestinationRules(SubscriptionAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    Verdict decide(String login, String destination, DestinationKind... allowedKinds) {
        if (TopicRegistry.hasWildcard(destination)) {
            return Verdict.WILDCARD;
        }
        Optional<TopicMatch> match = TopicRegistry.match(destination)
                .filter(found -> isOneOf(found.declaration().kind(), allowedKinds));
        if (match.isEmpty()) {
            return Verdict.UNDECLARED;
        }
        AccessRule rule = match.get().declaration().rule();
        // Personal destinations resolve to the connected user's own session queue; being logged in is the rule.
        boolean allowed = login != null
                && (rule == AccessRule.OWN_USER || authorizer.mayAccess(login, rule, match.get().ids()));
        return allowed ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    @Override
    public boolean mayRead(Principal caller, String destination) {
        return caller != null && decide(caller.getName(), destination, DestinationKind.PERSONAL, DestinationKind.TOPIC)
                == Verdict.ALLOWED;
    }

    private static boolean isOneOf(DestinationKind kind, DestinationKind... kinds) {
        for (DestinationKind candidate : kinds) {
            if (candidate == kind) {
                return true;
            }
        }
        return false;
    }
}
