package org.lectern.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lectern.bench.Metrics.Kind;
import org.lectern.bench.Metrics.Latency;

/**
 * What a run reports: {@code report.json} (everything, for tools and for comparing runs), {@code summary.txt} (the
 * figures a person reads) and {@code plot.png} with its twin {@code plot.svg}, under the output directory.
 */
public record Report(
        String kind,
        Instant startedAt,
        String commit,
        String url,
        Machine machine,
        Settings settings,
        Sessions sessions,
        Rates rates,
        Map<String, Latency> latency,
        FloorRatio saveToFloor,
        Quiz quiz,
        Map<String, Long> failedRequests,
        long failedTotal,
        Map<String, Map<String, Long>> failureCauses,
        Queued queued,
        Saves saves,
        Realtime realtime,
        String nodeSource,
        List<NodeSummary> nodes,
        SessionSpread spread,
        Broker broker,
        Generator generator,
        SetCheck.Result setCheck,
        Drill.Outcome drill,
        List<Mark> marks,
        List<Metrics.TimePoint> timeline,
        List<NodePoint> nodeTimeline) {

    public record Machine(int cores, String os, String java, long memoryBytes, double loadAverageAtStart) {

        static Machine current() {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
            return new Machine(Runtime.getRuntime().availableProcessors(), os.getName() + " " + os.getVersion() + " "
                    + os.getArch(), System.getProperty("java.vm.name") + " " + Runtime.version(), memory,
                    os.getSystemLoadAverage());
        }
    }

    /** What the run was told; {@code arrivals} is "even" or "surge, peak at N s". */
    public record Settings(int students, double rampSeconds, String arrivals, double holdSeconds,
            int autosaveSeconds, int floorSeconds, long heartBeatMillis, long quizSeconds, long courseId, long examId,
            long quizId) {
    }

    /**
     * @param target   students simulated
     * @param peak     most sessions open at once
     * @param heldMin  fewest sessions open during the hold (from 10 s after the ramp to the hand-in)
     * @param lost     sessions that ended without the student leaving (each was reconnected or retried)
     * @param neverIn  students not logged in by the end of the working time (gave up, or still waiting when the run
     *                 stopped)
     */
    public record Sessions(int target, int peak, int heldMin, long lost, long reconnects, long neverIn) {
    }

    public record Rates(double loginsPerSecond, double savesPerSecond, double floorPerSecond) {
    }

    /** Save latency divided by the floor's: how much the save path costs above the machine's minimum. */
    public record FloorRatio(double p50, double p99) {
    }

    /**
     * @param expected          students subscribed when the quiz started
     * @param startsReceived    students who got the start (live or by replay)
     * @param fanout            instructor's click to each student's receipt of the start
     * @param resultsReceived   students who got their result
     * @param duplicateResults  results a student got a second time (should be 0)
     * @param resultDelay       end of the grace period to each student's receipt of the result
     * @param evaluationDelaySeconds  end of the grace period to the recorded evaluation (exactly once, on time)
     */
    public record Quiz(long expected, long startsReceived, Latency fanout, long resultsReceived, long duplicateResults,
            Latency resultDelay, Latency answer, Double evaluationDelaySeconds) {
    }

    /**
     * @param unsettledAtEnd saves (and quiz answers) still awaiting their answer when the students were stopped and
     *                       the wait for them ran out: the set check cannot judge those, a slow run says so here
     */
    public record Saves(int sent, int acknowledged, long stompAcks, int unsettledAtEnd) {
    }

    /**
     * Requests a node or HAProxy answered 503 with Retry-After and the generator sent again: queued, not failed
     * (a request that still got 503 after every retry counts as failed as well).
     *
     * @param retriedAfter503     retries after a 503
     * @param waitedSeconds       time spent waiting before them, summed over all requests
     * @param connections         the most requests the generator had in flight at once ({@code --connections})
     * @param waitedForConnection requests that waited in the generator for one of them to end first
     */
    public record Queued(long retriedAfter503, double waitedSeconds, int connections, long waitedForConnection) {
    }

    /**
     * Sequenced messages the students handled, live or replayed.
     *
     * @param gaps       numbers a student saw skipped (the node should have delivered them; 0 expected)
     * @param duplicates messages a student got a second time and dropped
     */
    public record Realtime(long messages, long gaps, long duplicates) {
    }

    public record NodeSummary(String nodeId, int maxSessions, double cpuMean, double cpuMax, double heapMaxUsedMb,
            double heapLimitMb) {
    }

    /**
     * The message broker's own figures, read over its JMX; null when it was not reachable (a node's embedded broker).
     *
     * @param connectionsPeak most connections at once: with the node-level relay, one per node whatever the load
     */
    public record Broker(String source, int connectionsPeak, int connectionsAtEnd, double cpuMean, double cpuMax,
            double heapMaxUsedMb, double heapLimitMb) {
    }

    public record Generator(double cpuMean, double cpuMax, double heapMaxUsedMb, int threadsMax) {
    }

    /**
     * How the sessions were spread over the nodes at the end of the hold (target: none more than 15 % above the
     * mean).
     *
     * @param perNode             sessions per node, from the last node sample of the hold
     * @param maxAboveMeanPercent how far the busiest node was above the mean, in percent (0 with fewer than one
     *                            session per node)
     */
    public record SessionSpread(Map<String, Integer> perNode, double maxAboveMeanPercent) {

        static SessionSpread of(Map<String, Integer> perNode) {
            double mean = perNode.values().stream().mapToInt(Integer::intValue).average().orElse(0);
            int max = perNode.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return new SessionSpread(new TreeMap<>(perNode), mean < 1 ? 0 : round((max - mean) / mean * 100));
        }
    }

    public record Mark(double seconds, String what) {
    }

    public record NodePoint(double seconds, String nodeId, String state, int sessions, double cpu, long heapUsedBytes,
            long heapMaxBytes, boolean schedulerOwner) {
    }

    /** The load generator's own use of the machine, sampled with the nodes. */
    public static final class GeneratorLoad {

        private final List<Double> cpu = new ArrayList<>();
        private long heapMax;
        private int threadsMax;
        private long lastCpuNanos = -1;
        private long lastWallNanos;

        /** CPU as used CPU time over the machine's capacity since the last sample (0..1 of all cores). */
        synchronized void sample(OperatingSystemMXBean os, MemoryMXBean memory, int threads, long wallNanos) {
            if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
                long cpuNanos = sun.getProcessCpuTime();
                if (lastCpuNanos >= 0 && wallNanos > lastWallNanos) {
                    cpu.add((cpuNanos - lastCpuNanos) / (double) (wallNanos - lastWallNanos)
                            / Runtime.getRuntime().availableProcessors());
                }
                lastCpuNanos = cpuNanos;
                lastWallNanos = wallNanos;
            }
            heapMax = Math.max(heapMax, memory.getHeapMemoryUsage().getUsed());
            threadsMax = Math.max(threadsMax, threads);
        }

        synchronized Generator summary() {
            return new Generator(round(cpu.stream().mapToDouble(d -> d).average().orElse(-1)),
                    round(cpu.stream().mapToDouble(d -> d).max().orElse(-1)), round(heapMax / 1e6), threadsMax);
        }
    }

    /** Gathers the figures of a finished run. */
    public static Report of(String kind, LoadRun run, SetCheck.Result check, Drill.Outcome drill) {
        Metrics m = run.metrics();
        BenchOptions o = run.options();
        Map<String, Latency> latency = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            latency.put(k.name().toLowerCase(Locale.ROOT), m.latency(k));
        }
        Latency save = m.latency(Kind.SAVE);
        Latency floor = m.latency(Kind.FLOOR);
        FloorRatio ratio = new FloorRatio(floor.p50() > 0 ? round(save.p50() / floor.p50()) : 0,
                floor.p99() > 0 ? round(save.p99() / floor.p99()) : 0);

        List<Metrics.TimePoint> timeline = m.timeline();
        double from = run.rampEndSeconds();
        double to = run.holdEndSeconds();
        long steadySaves = timeline.stream().filter(p -> p.seconds() > from && p.seconds() <= to + 0.001)
                .mapToLong(Metrics.TimePoint::saves).sum();
        double steadySeconds = timeline.stream().filter(p -> p.seconds() > from && p.seconds() <= to + 0.001).count()
                * 5.0;
        List<Integer> perSecond = run.sessionsPerSecond();
        int heldMin = perSecond.isEmpty() ? 0 : perSecond.subList(Math.min(perSecond.size(), (int) from + 10),
                Math.max(Math.min(perSecond.size(), (int) to), Math.min(perSecond.size(), (int) from + 10))).stream()
                .mapToInt(Integer::intValue).min().orElse(m.sessionsHeld());

        Map<String, Long> failed = new LinkedHashMap<>();
        Map<String, Map<String, Long>> causes = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            if (m.failures(k) > 0) {
                failed.put(k.name().toLowerCase(Locale.ROOT), m.failures(k));
                causes.put(k.name().toLowerCase(Locale.ROOT), m.failureCauses(k));
            }
        }
        Double evaluationDelay = run.quizEvaluatedAt() == null || run.quizGraceEnd() == 0 ? null
                : round((run.quizEvaluatedAt().toEpochMilli() - run.quizGraceEnd()) / 1000.0);
        Quiz quiz = new Quiz(run.quizExpected(), m.quizStartsReceived(), m.latency(Kind.QUIZ_FANOUT),
                m.quizResultsReceived(), m.duplicateQuizResults(), m.latency(Kind.QUIZ_RESULT),
                m.latency(Kind.QUIZ_ANSWER), evaluationDelay);

        return new Report(kind, run.startedAt(), currentCommit(), o.url().toString(), Machine.current(),
                new Settings(o.students(), o.ramp().toMillis() / 1000.0, o.arrivals() == Arrivals.EVEN ? "even"
                        : "surge, peak at " + o.peakOrDefault().toSeconds() + " s", round(to - from),
                        (int) o.autosave().toSeconds(), (int) o.floorInterval().toSeconds(), o.heartBeat().toMillis(),
                        o.quizDuration().toSeconds(), run.course().courseId(), run.course().examId(),
                        run.course().quizId()),
                // Every student whose login was not answered in the working time, also those still waiting for
                // the answer when the run stopped (a count of those who gave up would miss them).
                new Sessions(o.students(), m.sessionsPeak(), heldMin, m.lostSessions(), m.reconnects(),
                        Math.max(0, o.students() - m.count(Kind.LOGIN))),
                new Rates(round(m.count(Kind.LOGIN) / Math.max(1.0, o.ramp().toSeconds())),
                        round(steadySeconds > 0 ? steadySaves / steadySeconds : 0),
                        round(m.count(Kind.FLOOR) / Math.max(1.0, to))),
                latency, ratio, quiz, failed, m.failuresTotal(), causes,
                new Queued(run.api().retriedAfter503(), round(run.api().waitedAfter503().toMillis() / 1000.0),
                        run.api().connections(), run.api().waitedForConnection()),
                new Saves(run.ledger().sentCount(), run.ledger().ackedCount(), m.stompAcks(),
                        run.savesUnsettledAtEnd()),
                new Realtime(m.sequencedMessages(), m.sequenceGaps(), m.sequenceDuplicates()), run.nodeSource(),
                nodeSummaries(run.nodePoints()),
                SessionSpread.of(timeline.stream().filter(p -> p.seconds() <= to + 0.001)
                        .map(Metrics.TimePoint::sessionsPerNode).filter(perNode -> !perNode.isEmpty())
                        .reduce((earlier, later) -> later).orElse(Map.of())),
                run.brokerSummary().orElse(null), run.generator().summary(), check, drill, run.marks(), timeline,
                run.nodePoints());
    }

    private static List<NodeSummary> nodeSummaries(List<NodePoint> points) {
        Map<String, List<NodePoint>> byNode = points.stream().collect(Collectors.groupingBy(NodePoint::nodeId,
                java.util.TreeMap::new, Collectors.toList()));
        List<NodeSummary> summaries = new ArrayList<>();
        byNode.forEach((node, list) -> summaries.add(new NodeSummary(node,
                list.stream().mapToInt(NodePoint::sessions).max().orElse(0),
                round(list.stream().mapToDouble(NodePoint::cpu).filter(c -> c >= 0).average().orElse(-1)),
                round(list.stream().mapToDouble(NodePoint::cpu).max().orElse(-1)),
                round(list.stream().mapToLong(NodePoint::heapUsedBytes).max().orElse(0) / 1e6),
                round(list.stream().mapToLong(NodePoint::heapMaxBytes).max().orElse(0) / 1e6))));
        return summaries;
    }

    /** Writes report.json, summary.txt, plot.png and plot.svg; answers the summary. */
    public String write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        String summary = summary();
        Files.writeString(directory.resolve("summary.txt"), summary);
        Plot.write(this, directory.resolve("plot.png"), directory.resolve("plot.svg"));
        return summary;
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Lectern %s — %s, commit %s, %s%n", kind, startedAt, commit, url));
        s.append(String.format(Locale.ROOT, "Machine: %d cores, %s, %.1f GB, load %.2f at start%n", machine.cores(),
                machine.os(), machine.memoryBytes() / 1e9, machine.loadAverageAtStart()));
        s.append(String.format(Locale.ROOT, "Run: %d students, ramp %.0f s (%s), hold %.0f s, autosave every %d s, "
                        + "heart-beat %d ms, quiz %d s%n", settings.students(), settings.rampSeconds(),
                settings.arrivals(), settings.holdSeconds(), settings.autosaveSeconds(), settings.heartBeatMillis(),
                settings.quizSeconds()));
        s.append(String.format(Locale.ROOT, "Sessions: peak %d of %d, fewest during the hold %d, lost %d, "
                + "reconnects %d, never in (not logged in by the end of the working time) %d%n", sessions.peak(),
                sessions.target(), sessions.heldMin(), sessions.lost(), sessions.reconnects(), sessions.neverIn()));
        s.append(String.format(Locale.ROOT, "Rates: logins %.1f/s, saves %.1f/s (steady), floor %.1f/s%n",
                rates.loginsPerSecond(), rates.savesPerSecond(), rates.floorPerSecond()));
        s.append(String.format(Locale.ROOT, "%-12s %8s %9s %9s %9s %9s %9s%n", "latency ms", "count", "mean", "p50",
                "p95", "p99", "max"));
        latency.forEach((name, l) -> {
            if (l.count() > 0) {
                s.append(String.format(Locale.ROOT, "%-12s %8d %9.1f %9.1f %9.1f %9.1f %9.1f%n", name, l.count(),
                        l.mean(), l.p50(), l.p95(), l.p99(), l.max()));
            }
        });
        s.append(String.format(Locale.ROOT, "Save / floor: p50 ×%.2f, p99 ×%.2f%n", saveToFloor.p50(),
                saveToFloor.p99()));
        s.append(String.format(Locale.ROOT, "Quiz: start reached %d of %d (fan-out p50 %.1f ms, p99 %.1f ms, last "
                        + "%.1f ms); results reached %d of %d (p50 %.1f ms, p99 %.1f ms after the grace period; "
                        + "duplicates %d), evaluation %s s after the grace period%n",
                quiz.startsReceived(), quiz.expected(), quiz.fanout().p50(), quiz.fanout().p99(), quiz.fanout().max(),
                quiz.resultsReceived(), quiz.expected(), quiz.resultDelay().p50(), quiz.resultDelay().p99(),
                quiz.duplicateResults(),
                quiz.evaluationDelaySeconds() == null ? "?" : String.valueOf(quiz.evaluationDelaySeconds())));
        s.append(String.format(Locale.ROOT, "Saves: %d sent, %d acknowledged, %d acknowledgements by STOMP; "
                + "failed requests %d %s%s%n", saves.sent(), saves.acknowledged(), saves.stompAcks(), failedTotal,
                failedRequests.isEmpty() ? "" : failedRequests + ", by cause " + failureCauses,
                saves.unsettledAtEnd() == 0 ? ""
                        : "; " + saves.unsettledAtEnd() + " still unanswered when the run ended"));
        s.append(String.format(Locale.ROOT, "Queued: %d requests sent again after a 503 with Retry-After, %.1f s "
                + "waited in all (not failures); %d waited in the generator for one of its %d connections%n",
                queued.retriedAfter503(), queued.waitedSeconds(), queued.waitedForConnection(), queued.connections()));
        s.append(String.format(Locale.ROOT, "Real time: %d sequenced messages handled, %d skipped numbers (gaps), "
                + "%d duplicates dropped%n", realtime.messages(), realtime.gaps(), realtime.duplicates()));
        s.append("Nodes (").append(nodeSource).append("):").append(System.lineSeparator());
        for (NodeSummary n : nodes) {
            s.append(String.format(Locale.ROOT, "  %-10s sessions max %5s, CPU mean %5.1f %% max %5.1f %% (of the machine),"
                            + " heap max %6.0f of %6.0f MB%n", n.nodeId(),
                    n.maxSessions() < 0 ? "?" : String.valueOf(n.maxSessions()), n.cpuMean() * 100, n.cpuMax() * 100,
                    n.heapMaxUsedMb(), n.heapLimitMb()));
        }
        if (broker == null) {
            s.append("Broker: not sampled (no JMX reachable; give --broker-jmx HOST:PORT)").append(System.lineSeparator());
        } else {
            s.append(String.format(Locale.ROOT, "Broker (JMX %s): connections peak %d, at the end %d, CPU mean %.1f %% max "
                            + "%.1f %% (of the machine), heap max %.0f of %.0f MB%n", broker.source(),
                    broker.connectionsPeak(), broker.connectionsAtEnd(), broker.cpuMean() * 100, broker.cpuMax() * 100,
                    broker.heapMaxUsedMb(), broker.heapLimitMb()));
        }
        if (!spread.perNode().isEmpty()) {
            s.append(String.format(Locale.ROOT, "Session spread at the end of the hold: %s, busiest node %.1f %% above "
                    + "the mean%n", spread.perNode(), spread.maxAboveMeanPercent()));
        }
        s.append(String.format(Locale.ROOT, "Generator: CPU mean %.1f %% max %.1f %% (of the machine), heap max %.0f MB,"
                        + " threads %d%n", generator.cpuMean() * 100, generator.cpuMax() * 100,
                generator.heapMaxUsedMb(), generator.threadsMax()));
        if (setCheck != null) {
            s.append(setCheck.line()).append(System.lineSeparator());
        }
        if (drill != null) {
            s.append(drill.line()).append(System.lineSeparator());
        }
        return s.toString();
    }

    static String currentCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(Drill.home().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
