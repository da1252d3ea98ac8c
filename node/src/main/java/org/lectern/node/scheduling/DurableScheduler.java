package org.lectern.node.scheduling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.node.cluster.NodeStatusBoard;
import org.lectern.node.cluster.SchedulerCoordination;
import org.lectern.node.cluster.StatusSources;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The cluster's one scheduler: every node runs this, the owner runs the due tasks. Ownership follows
 * {@link OwnershipRule} and is re-checked on every look ({@link SchedulerProperties#pollInterval()}) and at once
 * when a member joins or leaves, the ownership record changes, or this node's state changes (a draining or stopping
 * owner hands over before it stops running tasks). All of it happens on one thread, so a hand-over never overlaps a
 * run on this node; across nodes, the claim in the database keeps every task to one run.
 */
@Component
public class DurableScheduler implements StatusSources.SchedulerOwner, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DurableScheduler.class);

    private final SchedulerCoordination cluster;
    private final NodeStatusBoard board;
    private final NodeLifecycle lifecycle;
    private final NodeProperties node;
    private final TaskRunner runner;
    private final TaskStore store;
    private final SchedulerProperties properties;
    private final Clock clock;
    private final AtomicReference<SchedulerOwnership> known = new AtomicReference<>();
    private volatile ScheduledExecutorService executor;
    private volatile long viewShownAtMillis;

    DurableScheduler(SchedulerCoordination cluster, NodeStatusBoard board, NodeLifecycle lifecycle,
            NodeProperties node, TaskRunner runner, TaskStore store, SchedulerProperties properties, Clock clock,
            MeterRegistry meters) {
        this.cluster = cluster;
        this.board = board;
        this.lifecycle = lifecycle;
        this.node = node;
        this.runner = runner;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("lectern.scheduler.owner", this, scheduler -> scheduler.isLocalOwner() ? 1 : 0)
                .description("1 on the node that owns the cluster's scheduler, 0 elsewhere")
                .register(meters);
    }

    /** Whether this node owns the scheduler now: the record names it and it is READY. */
    @Override
    public boolean isLocalOwner() {
        SchedulerOwnership ownership = known.get();
        if (ownership == null || lifecycle.state() != NodeState.READY) {
            return false;
        }
        try {
            // Asked each time: Hazelcast gives a member a new UUID when it merges back after a split.
            return ownership.ownerMemberUuid().equals(cluster.localMemberId());
        } catch (RuntimeException memberGone) {
            return false;
        }
    }

    /** The ownership as this node last saw it; empty before anyone owned the scheduler. */
    public Optional<SchedulerOwnership> ownership() {
        return Optional.ofNullable(known.get());
    }

    /**
     * Runs what is due at {@code now} if this node owns the scheduler; the periodic look calls it with the clock's
     * time, tests with a moment of their choosing.
     *
     * @return the tasks this call ran
     */
    public List<ScheduledTaskView> runDue(Instant now) {
        SchedulerOwnership ownership = known.get();
        if (!isLocalOwner()) {
            return List.of();
        }
        List<ScheduledTaskView> ran = runner.runDue(now, node.id(), ownership.epoch());
        if (!ran.isEmpty()) {
            showTasks();
        }
        return ran;
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "lectern-scheduler-" + node.id());
            t.setDaemon(true);
            return t;
        });
        executor = thread;
        cluster.onChange(this::reconcileSoon);
        lifecycle.onChange((from, to) -> reconcileSoon());
        thread.scheduleWithFixedDelay(this::look, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops looking; queued hand-overs run first. Called after the node moved to STOPPING (Spring publishes the
     * closing event before it stops lifecycle beans), so an owner has handed the scheduler on by then.
     */
    @Override
    public void stop() {
        ScheduledExecutorService thread = executor;
        executor = null;
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(properties.pollInterval().multipliedBy(10).toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        reconcile();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void reconcileSoon() {
        ScheduledExecutorService thread = executor;
        if (thread == null) {
            return;
        }
        try {
            // A full look, not only the ownership: a node that just took over runs what is overdue at once.
            thread.execute(this::look);
        } catch (RuntimeException e) {
            // Stopping: stop() reconciles once more itself.
            LOG.debug("Scheduler stopping; ownership re-checked on stop", e);
        }
    }

    private void look() {
        reconcile();
        try {
            runDue(clock.instant());
            if (isLocalOwner() && clock.millis() - viewShownAtMillis >= properties.viewInterval().toMillis()) {
                showTasks();
            }
        } catch (RuntimeException e) {
            // The next look tries again: a database or cluster hiccup must not end the loop.
            LOG.warn("Scheduler look failed on node {}: {}", node.id(), e.toString());
        }
    }

    /** Applies {@link OwnershipRule} to what this node sees now, and remembers the outcome. */
    private void reconcile() {
        try {
            Optional<SchedulerOwnership> current = cluster.ownership();
            Map<String, NodeStatus> statuses = board.all().stream()
                    .collect(Collectors.toMap(NodeStatus::memberUuid, Function.identity(), (a, b) -> a));
            Optional<OwnershipRule.Move> move = OwnershipRule.decide(node.id(), cluster.localMemberId(),
                    lifecycle.state(), cluster.membersOldestFirst(), statuses, current);
            if (move.isPresent()) {
                OwnershipRule.Move m = move.get();
                Optional<SchedulerOwnership> moved = cluster.transfer(m.expectedOwnerMemberUuid(), m.nodeId(),
                        m.memberUuid(), clock.millis());
                if (moved.isPresent()) {
                    LOG.info("Scheduler ownership moved to {} (epoch {}), decided on node {}",
                            moved.get().ownerNodeId().isEmpty() ? "no node" : moved.get().ownerNodeId(),
                            moved.get().epoch(), node.id());
                    current = moved;
                } else {
                    current = cluster.ownership();
                }
            }
            known.set(current.orElse(null));
        } catch (RuntimeException e) {
            // A node that cannot reach the cluster keeps what it knew; the claim in the database still keeps
            // every task to one run, whoever else believes it owns the scheduler.
            LOG.warn("Could not check scheduler ownership on node {}: {}", node.id(), e.toString());
        }
    }

    private void showTasks() {
        try {
            List<ScheduledTaskView> shown = new ArrayList<>();
            store.pending(properties.viewSize()).forEach(task -> shown.add(task.view()));
            store.recentRuns(properties.viewSize()).forEach(task -> shown.add(task.view()));
            cluster.showTasks(shown);
            viewShownAtMillis = clock.millis();
        } catch (RuntimeException e) {
            LOG.warn("Could not show the scheduled tasks: {}", e.toString());
        }
    }
}
