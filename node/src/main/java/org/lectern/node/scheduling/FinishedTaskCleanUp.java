package org.lectern.node.scheduling;

import java.time.Clock;
import java.time.Duration;
import org.lectern.node.cluster.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The scheduler's own clean-up, a scheduled task like any other: every hour the owner deletes finished tasks older
 * than {@link SchedulerProperties#keepFinished()}, and schedules the next round in the same transaction. Every node
 * makes sure at start-up that a round is scheduled, so the chain survives a whole-cluster restart or a failed round.
 */
@Component
class FinishedTaskCleanUp implements ScheduledTaskHandler, ApplicationRunner {

    static final String KIND = "scheduler.clean-up";
    static final String SUBJECT = "finished-tasks";
    static final Duration EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(FinishedTaskCleanUp.class);

    private final TaskStore store;
    private final SchedulerProperties properties;
    private final NodeProperties node;
    private final Clock clock;

    FinishedTaskCleanUp(TaskStore store, SchedulerProperties properties, NodeProperties node, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String subject) {
        int deleted = store.deleteFinishedBefore(clock.instant().minus(properties.keepFinished()));
        store.schedule(KIND, SUBJECT, clock.instant().plus(EVERY), node.id(), clock.instant());
        LOG.info("Deleted {} finished scheduled tasks older than {}", deleted, properties.keepFinished());
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            store.scheduleUnlessPending(KIND, SUBJECT, clock.instant().plus(EVERY), node.id(), clock.instant());
        } catch (DataIntegrityViolationException scheduledByAnotherNode) {
            // Nodes starting together race for the first round; one inserted it, which is all that is needed.
            LOG.debug("The task clean-up was scheduled by another node", scheduledByAnotherNode);
        }
    }
}
