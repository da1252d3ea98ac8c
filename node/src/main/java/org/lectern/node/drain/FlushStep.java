package org.lectern.node.drain;

import org.lectern.node.exercise.LiveSubmissionFlusher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the live saves this node owns to the database and waits until its partitions have their backups in sync:
 * after this, stopping the node (a graceful Hazelcast shutdown) hands nothing over that is not already safe twice.
 */
@Component
@Order(DrainStep.ORDER_FLUSH)
class FlushStep implements DrainStep {

    private final LiveSubmissionFlusher flusher;
    private final DrainProperties properties;

    FlushStep(LiveSubmissionFlusher flusher, DrainProperties properties) {
        this.flusher = flusher;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "flush";
    }

    @Override
    public String run(DrainContext context) throws InterruptedException {
        context.progress("writing live submissions to the database");
        if (flusher.flushLocal(properties.flushDeadline())) {
            return "live submissions in the database, backups in sync";
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("drain stopped during the flush");
        }
        return "live submissions not all written within " + properties.flushDeadline().toSeconds()
                + " s (the database may be down); they stay in the cluster, twice";
    }
}
