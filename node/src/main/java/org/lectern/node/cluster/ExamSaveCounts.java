package org.lectern.node.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * How many saves each exam took, cluster-wide, in slots of ten seconds kept for a quarter of an hour: the exam's live
 * figures read these counts instead of counting the saves in the database, which took a hundred milliseconds and
 * grew with the exam (docs/performance.md, 2026-12-07). A count is the node's own at once and every node's within
 * a second; a node that dies takes at most its last second of counts with it, and a full restart of the cluster
 * starts the counts again (the saves themselves are all kept).
 */
public interface ExamSaveCounts {

    Duration SLOT = Duration.ofSeconds(10);

    /** Counts one save of the exam, acknowledged at {@code savedAt}; never a replay, never a test run. */
    void count(long examId, Instant savedAt);

    /** The exam's saves in the {@code slots} slots from {@code firstSlot} on, oldest first. */
    long[] perSlot(long examId, long firstSlot, int slots);

    /** The slot holding {@code at}, numbered from the epoch. */
    static long slotOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SLOT.toSeconds());
    }

    /** When {@code slot} starts. */
    static Instant startOf(long slot) {
        return Instant.ofEpochSecond(slot * SLOT.toSeconds());
    }
}
