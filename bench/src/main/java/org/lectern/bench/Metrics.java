package org.lectern.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything a run measures. Latencies go into HdrHistograms in microseconds, always measured from the moment a
 * request was <em>meant</em> to be sent (its place in the schedule), not from when the generator got round to it:
 * a stalled server or generator then shows as latency instead of as requests that were never made (coordinated
 * omission). Each kind has a {@link Recorder}, emptied into the run's total at every {@link #tick}, which also
 * adds a point to the time line the plot draws.
 */
public final class Metrics {

    /** What is timed. */
    public enum Kind {
        LOGIN, CONNECT, EXAM_START, SAVE, FLOOR, QUIZ_FANOUT, QUIZ_ANSWER, QUIZ_RESULT, HAND_IN, RECOVERY
    }

    /** Up to an hour, three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Map<Kind, Recorder> recorders = new EnumMap<>(Kind.class);
    private final Map<Kind, Histogram> totals = new EnumMap<>(Kind.class);
    /** Failed requests by kind and cause ({@link #cause}). */
    private final Map<Kind, Map<String, LongAdder>> failures = new EnumMap<>(Kind.class);
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder lostSessions = new LongAdder();
    private final LongAdder stompAcks = new LongAdder();
    private final LongAdder quizStartsReceived = new LongAdder();
    private final LongAdder quizResultsReceived = new LongAdder();
    private final LongAdder duplicateQuizResults = new LongAdder();
    private final LongAdder sequencedMessages = new LongAdder();
    private final LongAdder sequenceGaps = new LongAdder();
    private final LongAdder sequenceDuplicates = new LongAdder();
    private final AtomicInteger sessionsHeld = new AtomicInteger();
    private final AtomicInteger sessionsPeak = new AtomicInteger();
    private final List<TimePoint> timeline = Collections.synchronizedList(new ArrayList<>());
    private final long startNanos;

    public Metrics(long startNanos) {
        this.startNanos = startNanos;
        for (Kind kind : Kind.values()) {
            recorders.put(kind, new Recorder(HIGHEST_MICROS, 3));
            totals.put(kind, new Histogram(HIGHEST_MICROS, 3));
            failures.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** Records the time from {@code intendedNanos} (when it should have been sent) to now. */
    public void record(Kind kind, long intendedNanos) {
        recordMicros(kind, Math.max(0, (System.nanoTime() - intendedNanos) / 1_000));
    }

    public void recordMicros(Kind kind, long micros) {
        recorders.get(kind).recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    /** A request that failed, and how ({@link #cause}): the report tells a refusal from a request never answered. */
    public void failed(Kind kind, String cause) {
        failures.get(kind).computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    /**
     * How a request failed: the HTTP status it was answered with, or the kind of error that left it unanswered (a
     * time-out, a refused connection).
     */
    public static String cause(Api.Reply reply, Throwable failure) {
        if (failure == null) {
            return "HTTP " + reply.status();
        }
        Throwable root = failure;
        while ((root instanceof CompletionException || root instanceof ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof Api.ApiException refused ? "HTTP " + refused.status() : root.getClass().getSimpleName();
    }

    public void sessionUp() {
        sessionsPeak.accumulateAndGet(sessionsHeld.incrementAndGet(), Math::max);
    }

    public void sessionDown() {
        sessionsHeld.decrementAndGet();
    }

    public void sessionLost() {
        lostSessions.increment();
    }

    public void reconnected() {
        reconnects.increment();
    }

    /**
     * A sequenced message arrived live or by replay: {@code missed} numbers were skipped before it (a gap the
     * student had to replay), {@code duplicate} when it was handled already.
     */
    public void sequenced(long missed, boolean duplicate) {
        sequencedMessages.increment();
        if (missed > 0) {
            sequenceGaps.add(missed);
        }
        if (duplicate) {
            sequenceDuplicates.increment();
        }
    }

    public long sequencedMessages() {
        return sequencedMessages.sum();
    }

    public long sequenceGaps() {
        return sequenceGaps.sum();
    }

    public long sequenceDuplicates() {
        return sequenceDuplicates.sum();
    }

    public void stompAck() {
        stompAcks.increment();
    }

    public void quizStartReceived() {
        quizStartsReceived.increment();
    }

    public void quizResultReceived(boolean duplicate) {
        if (duplicate) {
            duplicateQuizResults.increment();
        } else {
            quizResultsReceived.increment();
        }
    }

    public int sessionsHeld() {
        return sessionsHeld.get();
    }

    public int sessionsPeak() {
        return sessionsPeak.get();
    }

    public long failures(Kind kind) {
        return failures.get(kind).values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The failures of one kind by cause, the most frequent first. */
    public Map<String, Long> failureCauses(Kind kind) {
        Map<String, Long> causes = new LinkedHashMap<>();
        failures.get(kind).entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(
                        Comparator.comparingLong(LongAdder::sum).reversed()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> causes.put(entry.getKey(), entry.getValue().sum()));
        return causes;
    }

    public long failuresTotal() {
        return failures.keySet().stream().mapToLong(this::failures).sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    public long lostSessions() {
        return lostSessions.sum();
    }

    public long stompAcks() {
        return stompAcks.sum();
    }

    public long quizStartsReceived() {
        return quizStartsReceived.sum();
    }

    public long quizResultsReceived() {
        return quizResultsReceived.sum();
    }

    public long duplicateQuizResults() {
        return duplicateQuizResults.sum();
    }

    /** One point of the time line: the interval that ended {@code seconds} after the start. */
    public record TimePoint(double seconds, int sessionsHeld, long saves, double saveP50Millis, double saveP99Millis,
            double saveMaxMillis, double floorP99Millis, long failures, Map<String, Integer> sessionsPerNode) {
    }

    /** Moves what was recorded since the last tick into the totals and adds a point to the time line. */
    public synchronized TimePoint tick(Map<String, Integer> sessionsPerNode) {
        Histogram save = null;
        Histogram floor = null;
        for (Kind kind : Kind.values()) {
            Histogram interval = recorders.get(kind).getIntervalHistogram();
            totals.get(kind).add(interval);
            if (kind == Kind.SAVE) {
                save = interval;
            } else if (kind == Kind.FLOOR) {
                floor = interval;
            }
        }
        TimePoint point = new TimePoint((System.nanoTime() - startNanos) / 1e9, sessionsHeld.get(),
                save.getTotalCount(), millis(save, 50), millis(save, 99), save.getTotalCount() == 0 ? 0
                        : save.getMaxValue() / 1000.0, millis(floor, 99), failuresTotal(), Map.copyOf(sessionsPerNode));
        timeline.add(point);
        return point;
    }

    public List<TimePoint> timeline() {
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }

    /** Latency figures of one kind over the whole run, in milliseconds. */
    public record Latency(long count, double mean, double p50, double p95, double p99, double max) {
    }

    public synchronized Latency latency(Kind kind) {
        Histogram h = totals.get(kind);
        if (h.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        return new Latency(h.getTotalCount(), round(h.getMean() / 1000.0), millis(h, 50), millis(h, 95),
                millis(h, 99), round(h.getMaxValue() / 1000.0));
    }

    public synchronized long count(Kind kind) {
        return totals.get(kind).getTotalCount();
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
