package org.lectern.node.messaging;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lectern.node.transaction.AfterTransaction;
import org.lectern.shared.topics.DestinationKind;
import org.lectern.shared.topics.TopicDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How features publish live events: through {@link ReliableMessaging} (sequenced, replayable), only once the change
 * they report is committed, and never at the cost of the request: a failed publish is logged, the state is in the
 * database and clients catch up by replay or reload.
 */
@Service
public class LiveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final ReliableMessaging messaging;
    private final Clock clock;
    private final ScheduledExecutorService throttled = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-events-throttled");
        thread.setDaemon(true);
        return thread;
    });
    /** When each throttled destination was last published on this node. */
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();
    /** Throttled destinations with a publication scheduled; it reads the state then, so later asks join it. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    LiveEvents(ReliableMessaging messaging, Clock clock) {
        this.messaging = messaging;
        this.clock = clock;
    }

    /** Publishes once the current transaction commits (at once without one); nothing if it rolls back. */
    public void publishAfterCommit(String destination, Object payload) {
        afterCommit(() -> publish(destination, payload));
    }

    /** Publishes to one user's personal destination ({@code /user/queue/...} for them) once the transaction commits. */
    public void publishToUserAfterCommit(String login, TopicDeclaration personal, Object payload) {
        if (personal.kind() != DestinationKind.PERSONAL) {
            throw new IllegalArgumentException("Not a personal destination: " + personal.pattern());
        }
        publishAfterCommit(ReliableMessaging.USER_PREFIX + login + personal.pattern(), payload);
    }

    /**
     * Publishes what {@code payload} answers at most once per {@code interval} per destination on this node: the
     * first ask after a quiet interval publishes at once, asks within the interval are joined into one publication
     * at its end, which reads the state then, so the last change is always published. The payload is read on a
     * thread of its own, after the commit, so a slow count never delays the request.
     */
    public void publishThrottled(String destination, Duration interval, Supplier<?> payload) {
        afterCommit(() -> {
            if (!pending.add(destination)) {
                return;
            }
            Long last = lastSent.get(destination);
            long delay = last == null ? 0 : Math.max(0, last + interval.toMillis() - clock.millis());
            throttled.schedule(() -> {
                // Cleared before reading: a change committed while we read asks for a publication of its own.
                pending.remove(destination);
                lastSent.put(destination, clock.millis());
                publish(destination, payload);
            }, delay, TimeUnit.MILLISECONDS);
        });
    }

    @PreDestroy
    void stop() {
        throttled.shutdownNow();
    }

    /** Without waiting for the replay log: a quiz's results to every student are then in flight together. */
    private void publish(String destination, Supplier<?> payload) {
        try {
            messaging.publishAsync(destination, payload.get()).whenComplete((sent, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not publish to {}: {}", destination, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not publish to {}: {}", destination, e.toString());
        }
    }

    private void publish(String destination, Object payload) {
        publish(destination, () -> payload);
    }

    private static void afterCommit(Runnable publication) {
        // Runs after the commit: whatever fails here must not turn the committed request into an error.
        Runnable action = () -> {
            try {
                publication.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not schedule a live event: {}", e.toString());
            }
        };
        AfterTransaction.afterCommit(action);
    }
}
