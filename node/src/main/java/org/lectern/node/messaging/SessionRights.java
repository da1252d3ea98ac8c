package org.lectern.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.lectern.node.cluster.SessionOrder;
import org.lectern.node.cluster.SessionOrderChannel;
import org.lectern.node.messaging.LocalStompSessions.LocalSession;
import org.lectern.shared.realtime.ControlMessage;
import org.lectern.shared.topics.DestinationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Live sessions end with the rights they were opened with. Access is checked at the handshake and at SUBSCRIBE;
 * this carries the later changes to every node, within a second:
 * <ul>
 * <li>a logout or "log out everywhere" ({@link SessionsRevoked}) ends the sessions opened with those tokens;</li>
 * <li>a token's expiry ends its sessions (checked every half second);</li>
 * <li>lost access ({@link AccessNarrowed}: removed from a course, a team, an exam) drops each subscription its
 * rule no longer allows, and tells the client with {@code SUBSCRIPTION_ENDED}.</li>
 * </ul>
 * The orders travel on the cluster's {@link SessionOrderChannel}.
 */
@Component
class SessionRights implements DisposableBean {

    static final String ENDED_METER = "lectern.stomp.sessions.ended";
    static final String DROPPED_METER = "lectern.stomp.subscriptions.dropped";

    private static final Logger LOG = LoggerFactory.getLogger(SessionRights.class);

    private final SessionOrderChannel orders;
    private final LocalStompSessions sessions;
    private final NodeRelay relay;
    private final DestinationRules rules;
    private final ClientControl control;
    private final MeterRegistry meters;
    private final Clock clock;
    /** One thread, off Hazelcast's: rechecking a rule may ask the database. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-rights");
        thread.setDaemon(true);
        return thread;
    });

    SessionRights(SessionOrderChannel orders, LocalStompSessions sessions, NodeRelay relay, DestinationRules rules,
            ClientControl control, MeterRegistry meters, Clock clock) {
        this.orders = orders;
        this.sessions = sessions;
        this.relay = relay;
        this.rules = rules;
        this.control = control;
        this.meters = meters;
        this.clock = clock;
        orders.onOrder(order -> {
            try {
                worker.execute(() -> apply(order));
            } catch (RejectedExecutionException stopping) {
                LOG.debug("Session order not applied while stopping: {}", order);
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void sessionsRevoked(SessionsRevoked revoked) {
        orders.publish(new SessionOrder(Set.of(revoked.login()), revoked.tokenId(), true, revoked.reason()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void accessNarrowed(AccessNarrowed narrowed) {
        if (!narrowed.logins().isEmpty()) {
            orders.publish(new SessionOrder(narrowed.logins(), null, false, narrowed.reason()));
        }
    }

    /** Often enough that a session outlives its token by at most about half a second. */
    @Scheduled(fixedDelay = 500)
    void endExpiredSessions() {
        Instant now = clock.instant();
        List<String> expired = new ArrayList<>();
        sessions.sessions().forEach((sessionId, session) -> {
            if (session.expiredAt(now)) {
                expired.add(sessionId);
            }
        });
        end(expired, "token-expired", "Your login expired");
    }

    private void apply(SessionOrder order) {
        try {
            Map<String, LocalSession> local = sessions.sessions();
            if (order.endSessions()) {
                List<String> ending = new ArrayList<>();
                local.forEach((sessionId, session) -> {
                    if (order.logins().contains(session.login())
                            && (order.tokenId() == null || order.tokenId().equals(session.tokenId()))) {
                        ending.add(sessionId);
                    }
                });
                end(ending, order.tokenId() == null ? "revoked-everywhere" : "logged-out", order.reason());
            } else {
                local.forEach((sessionId, session) -> {
                    if (order.logins().contains(session.login())) {
                        recheck(sessionId, session.login(), order.reason());
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.error("Could not apply the session order {}", order, e);
        }
    }

    private void end(List<String> sessionIds, String cause, String reason) {
        if (sessionIds.isEmpty()) {
            return;
        }
        control.endSessions(sessionIds, reason);
        meters.counter(ENDED_METER, "cause", cause).increment(sessionIds.size());
        LOG.info("Ended {} STOMP sessions ({}): {}", sessionIds.size(), cause, reason);
    }

    private void recheck(String sessionId, String login, String reason) {
        relay.followedBy(sessionId).forEach((subscriptionId, destination) -> {
            // Personal destinations are the user's own for as long as the session lives; topics have rules.
            if (destination.startsWith(ReliableMessaging.TOPIC_PREFIX)
                    && rules.decide(login, destination, DestinationKind.TOPIC) != DestinationRules.Verdict.ALLOWED) {
                relay.drop(sessionId, subscriptionId);
                control.tell(sessionId, ControlMessage.subscriptionEnded(destination, reason));
                meters.counter(DROPPED_METER).increment();
                LOG.info("Dropped {}'s subscription to {}: {}", login, destination, reason);
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
