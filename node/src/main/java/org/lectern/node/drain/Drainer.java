package org.lectern.node.drain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.shared.cluster.NodeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Drains this node: READY → DRAINING, then every {@link DrainStep} in order, then DRAINED with a report of what
 * moved; an undrain at any point stops the running step and returns the node to READY. The load-balancer agent,
 * readiness and the scheduler election follow the {@link NodeLifecycle}; the steps do what the state alone cannot.
 */
@Service
public class Drainer {

    private static final Logger LOG = LoggerFactory.getLogger(Drainer.class);

    private final NodeLifecycle lifecycle;
    private final List<DrainStep> steps;
    private final Clock clock;
    /** The thread running the current drain, if any; guarded by {@code this}. */
    private Thread draining;

    Drainer(NodeLifecycle lifecycle, List<DrainStep> steps, Clock clock) {
        this.lifecycle = lifecycle;
        this.steps = List.copyOf(steps);
        this.clock = clock;
    }

    /**
     * Drains the node on the calling thread, reporting progress on the way.
     *
     * @return the report: what each step moved and how long the drain took
     * @throws IllegalStateException when the node is not READY
     * @throws CancellationException when an undrain stopped it; the node is READY again then
     */
    public String drain(Consumer<String> progress) {
        synchronized (this) {
            if (lifecycle.state() != NodeState.READY || draining != null) {
                throw new IllegalStateException("node is " + lifecycle.state() + "; only a READY node drains");
            }
            draining = Thread.currentThread();
            lifecycle.moveTo(NodeState.DRAINING);
        }
        long started = clock.millis();
        List<String> report = new ArrayList<>();
        try {
            for (int i = 0; i < steps.size(); i++) {
                DrainStep step = steps.get(i);
                String position = "DRAINING, step " + (i + 1) + "/" + steps.size() + " (" + step.name() + ")";
                progress.accept(position);
                String summary = step.run(new DrainContext(message -> progress.accept(position + ": " + message),
                        clock));
                report.add(step.name() + ": " + summary);
                LOG.info("Drain step {} done: {}", step.name(), summary);
            }
            synchronized (this) {
                if (draining != Thread.currentThread() || Thread.interrupted()) {
                    throw cancelled();
                }
                draining = null;
                lifecycle.moveTo(NodeState.DRAINED);
            }
            String done = "DRAINED in " + (clock.millis() - started) + " ms; " + String.join("; ", report);
            LOG.info(done);
            return done;
        } catch (InterruptedException e) {
            throw cancelled();
        } finally {
            synchronized (this) {
                if (draining == Thread.currentThread()) {
                    draining = null;
                }
            }
        }
    }

    /**
     * Takes the node back into service from DRAINING (stopping the drain where it is) or DRAINED.
     *
     * @throws IllegalStateException when the node is neither
     */
    public synchronized void undrain() {
        NodeState state = lifecycle.state();
        if (state != NodeState.DRAINING && state != NodeState.DRAINED) {
            throw new IllegalStateException("node is " + state + "; only a DRAINING or DRAINED node undrains");
        }
        if (draining != null) {
            draining.interrupt();
            draining = null;
        }
        lifecycle.moveTo(NodeState.READY);
    }

    private static CancellationException cancelled() {
        return new CancellationException("drain stopped by an undrain; the node is READY");
    }
}
