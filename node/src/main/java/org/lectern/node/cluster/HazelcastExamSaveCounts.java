package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The counts in a Hazelcast map of {@code exam:slot} to saves, each entry expiring a quarter of an hour after its
 * last change. A save is counted on its node only; the node adds what it counted to the map once a second (and
 * before it answers a read, and when it stops), so the map sees a few writes a second per exam however many
 * students save, and no two nodes write the same count.
 */
@Component
class HazelcastExamSaveCounts implements ExamSaveCounts, SmartLifecycle {

    /** Node-internal: the console has no business with it, so the name is not in shared-model. */
    static final String MAP_NAME = "lectern.exam-save-counts";

    /** Longer than the ten minutes the figures show, so a count is never gone while it is shown. */
    static final int TIME_TO_LIVE_SECONDS = 15 * 60;

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastExamSaveCounts.class);
    private static final long PUSH_INTERVAL_MILLIS = 1000;

    private final IMap<String, Long> counts;
    private final ConcurrentHashMap<String, Long> counted = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService pusher;

    HazelcastExamSaveCounts(HazelcastInstance hazelcast) {
        this.counts = hazelcast.getMap(MAP_NAME);
    }

    @Override
    public void count(long examId, Instant savedAt) {
        counted.merge(key(examId, ExamSaveCounts.slotOf(savedAt)), 1L, Long::sum);
    }

    @Override
    public long[] perSlot(long examId, long firstSlot, int slots) {
        push();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < slots; i++) {
            keys.add(key(examId, firstSlot + i));
        }
        Map<String, Long> found = counts.getAll(keys);
        long[] perSlot = new long[slots];
        for (int i = 0; i < slots; i++) {
            perSlot[i] = found.getOrDefault(key(examId, firstSlot + i), 0L);
        }
        return perSlot;
    }

    /**
     * Adds this node's counts to the map. Each is taken out before it is added, so a save counted meanwhile waits
     * for the next push; one that cannot be added goes back for the next push.
     */
    void push() {
        for (String key : counted.keySet()) {
            Long delta = counted.remove(key);
            if (delta == null) {
                continue;
            }
            try {
                counts.merge(key, delta, Long::sum);
            } catch (RuntimeException e) {
                counted.merge(key, delta, Long::sum);
                throw e;
            }
        }
    }

    private static String key(long examId, long slot) {
        return examId + ":" + slot;
    }

    private void pushPeriodically() {
        try {
            push();
        } catch (RuntimeException e) {
            // Kept for the next push: the figures are short of this node's last saves until the cluster answers.
            LOG.warn("Could not add this node's exam save counts to the cluster's: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "lectern-exam-save-counts");
            t.setDaemon(true);
            return t;
        });
        pusher = thread;
        thread.scheduleWithFixedDelay(this::pushPeriodically, PUSH_INTERVAL_MILLIS, PUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Pushes what is left before the member leaves, so a drained node's saves stay in the figures. */
    @Override
    public void stop() {
        ScheduledExecutorService thread = pusher;
        pusher = null;
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
            push();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException memberGone) {
            LOG.warn("This node's last exam save counts did not reach the cluster: {}", memberGone.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return pusher != null;
    }

    /** With the live-submission flusher: after the web server's stop, so no save is counted after the last push. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
