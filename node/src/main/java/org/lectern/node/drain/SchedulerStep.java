package org.lectern.node.drain;

import org.lectern.node.cluster.NodeProperties;
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
    private final NodeProperties node;
    private final DrainProperties properties;

    SchedulerStep(DurableScheduler scheduler, NodeProperties node, DrainProperties properties) {
        this.scheduler = scheduler;
        this.node = node;
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
        // Released here is not enough: the report names the node that took it over.
        if (context.awaitUntil(this::ownedElsewhere, properties.handoverDeadline())) {
            return scheduler.ownership()
                    .map(owner -> "scheduler owned by " + owner.ownerNodeId() + " (epoch " + owner.epoch() + ")")
                    .orElseThrow();
        }
        // No other node may own it (all draining, or alone): the work stays here rather than stopping.
        return "scheduler not taken over by another node within " + properties.handoverDeadline().toSeconds()
                + " s (alone, or every other node draining): it stays here";
    }

    private boolean ownedElsewhere() {
        return !scheduler.isLocalOwner() && scheduler.ownership()
                .filter(owner -> !owner.ownerNodeId().equals(node.id())).isPresent();
    }
}
