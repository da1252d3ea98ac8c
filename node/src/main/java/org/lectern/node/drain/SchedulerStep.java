package org.lectern.node.drain;

import org.lectern.node.scheduling.DurableScheduler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Waits until the scheduler is owned by another node. The election itself follows the node's lifecycle (a
 * DRAINING owner hands over at once); this step only makes sure the drain reports DRAINED after the handover, not
 * before, so a stop can never take a running scheduler with it.
 */
@Component
@Order(DrainStep.ORDER_SCHEDULER)
class SchedulerStep implements DrainStep {

    private final DurableScheduler scheduler;
    private final DrainProperties properties;

    SchedulerStep(DurableScheduler scheduler, DrainProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public String run(DrainContext context) throws InterruptedException {
        // A draining owner usually hands over as the state changes, before this step starts.
        context.progress("waiting for the scheduler to be owned elsewhere");
        if (context.awaitUntil(() -> !scheduler.isLocalOwner(), properties.handoverDeadline())) {
            return scheduler.ownership()
                    .map(owner -> "scheduler owned by " + owner.ownerNodeId() + " (epoch " + owner.epoch() + ")")
                    .orElse("scheduler owned by no node yet");
        }
        // No other node may own it (all draining, or alone): the work stays here rather than stopping.
        return "scheduler still owned here after " + properties.handoverDeadline().toSeconds()
                + " s: no other node can take it";
    }
}
