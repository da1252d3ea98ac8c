package org.lectern.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.bench.Metrics.Kind;
import tools.jackson.databind.JsonNode;

/**
 * One exam-day run: the students' ramp, their hold, the quiz in the middle, the hand-in, and the sampling of
 * nodes and generator while it lasts. A few platform threads do everything: {@code threads} run the HTTP and
 * WebSocket callbacks, two run the timers (every autosave and floor request is a timer entry, not a thread).
 */
public final class LoadRun implements AutoCloseable {

    /** The floor request: a path no node serves, so the answer (404) costs the login check and nothing else. */
    public static final String FLOOR_PATH = "/api/bench/floor";

    private static final Duration TICK = Duration.ofSeconds(5);
    /** Two request time-outs: a save sent just before the end has had its answer or its time-out by then. */
    private static final Duration SETTLE_SAVES = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final Setup.BenchCourse course;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService sampler;
    private final Api api;
    /** The instructor's own browser: its clicks do not wait behind the hall's requests in the students' pool. */
    private final Api instructor;
    private final Metrics metrics;
    private final SaveLedger ledger;
    private final NodeSampler nodes;
    private final BrokerSampler broker;
    private final URI webSocket;
    private final List<Student> students = new ArrayList<>();
    private final CountDownLatch allFinished;
    private final List<Integer> sessionsPerSecond = Collections.synchronizedList(new ArrayList<>());
    private final List<Report.NodePoint> nodePoints = Collections.synchronizedList(new ArrayList<>());
    private final List<Report.Mark> marks = Collections.synchronizedList(new ArrayList<>());
    private final Report.GeneratorLoad generator = new Report.GeneratorLoad();
    private final long startNanos;
    private final long rampEndNanos;
    private final long quizAtNanos;
    private final long holdEndNanos;
    private final Instant startedAt;
    private volatile long quizClickNanos;
    private volatile int quizExpected;
    private volatile long quizGraceEndMillis;
    private volatile long quizResultDeadlineNanos = Long.MAX_VALUE;
    private volatile boolean running = true;
    private final AtomicInteger savesInFlight = new AtomicInteger();
    private volatile int savesUnsettledAtEnd;
    private volatile Map<String, NodeSampler.Sample> lastSample = Map.of();
    /** The largest flush lag any node reported during the run, -1 while none said. */
    private volatile long maxFlushLagMillis = -1;
    private volatile Instant quizEvaluatedAt;

    public LoadRun(BenchOptions options, Setup.BenchCourse course, Api api, Api instructor,
            ExecutorService callbacks, NodeSampler nodes) {
        this.options = options;
        this.course = course;
        this.api = api;
        this.instructor = instructor;
        this.callbacks = callbacks;
        this.nodes = nodes;
        this.broker = new BrokerSampler(options.brokerJmx());
        this.timers = Executors.newScheduledThreadPool(2, daemon("bench-timer"));
        // Sampling reads the cluster and may wait on it: never on the timers that keep the students' schedule.
        this.sampler = Executors.newSingleThreadScheduledExecutor(daemon("bench-sampler"));
        this.startNanos = System.nanoTime();
        this.startedAt = Instant.now();
        this.metrics = new Metrics(startNanos);
        this.ledger = new SaveLedger("b" + Long.toString(System.currentTimeMillis(), 36));
        String scheme = "https".equals(options.url().getScheme()) ? "wss" : "ws";
        this.webSocket = URI.create(scheme + "://" + options.url().getAuthority() + "/ws");
        this.rampEndNanos = startNanos + options.ramp().toNanos();
        // The quiz must be over, evaluated and its results delivered before the hand-in.
        long quizNeeds = options.quizDuration().plusSeconds(20).toNanos();
        long quizStart = Math.min(options.quizStart().toNanos(), Math.max(0, options.hold().toNanos() - quizNeeds));
        this.quizAtNanos = rampEndNanos + quizStart;
        this.holdEndNanos = Math.max(rampEndNanos + options.hold().toNanos(), quizAtNanos + quizNeeds);
        this.allFinished = new CountDownLatch(options.students());
    }

    public static ExecutorService callbackPool(int threads) {
        return Executors.newFixedThreadPool(threads, daemon("bench-io"));
    }

    /** Runs to the end: every student handed in and left, or the time allowed for it passed. */
    public void execute() throws InterruptedException {
        for (int i = 1; i <= options.students(); i++) {
            Student student = new Student(this, i);
            students.add(student);
            long intended = startNanos + options.arrivals().offset(i - 1, options.students(), options.ramp(),
                    options.peakOrDefault()).toNanos();
            at(intended, () -> student.begin(intended));
        }
        at(quizAtNanos, this::startQuiz);
        // From second 0, so that entry i of sessionsPerSecond is the count at second i: with a first entry at 1 s,
        // the last entry before the hand-in was taken as the hand-in began, and a drill read its first hand-ins as
        // sessions the fault had dropped for good.
        timers.scheduleAtFixedRate(this::everySecond, 0, 1, TimeUnit.SECONDS);
        sampler.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        long allowed = holdEndNanos - System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        allFinished.await(allowed, TimeUnit.NANOSECONDS);
        running = false;
        awaitSavesSettled();
        readQuizEvaluation();
        timers.shutdownNow();
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        tick();
    }

    /**
     * The instructor clicks once every student who has started is subscribed (a student who connects later would
     * learn of a running quiz by loading the page, which is not what is measured), or a minute late at the latest.
     */
    private void startQuiz() {
        if (metrics.sessionsHeld() < options.students() && System.nanoTime() < quizAtNanos
                + TimeUnit.MINUTES.toNanos(1)) {
            later(Duration.ofMillis(500), this::startQuiz);
            return;
        }
        quizExpected = metrics.sessionsHeld();
        quizClickNanos = System.nanoTime();
        mark("quiz started");
        instructor.postJson("/api/quizzes/" + course.quizId() + "/start", course.adminToken(), null)
                .whenComplete((reply, failed) -> {
                    if (failed != null || !reply.ok()) {
                        metrics.failed(Kind.QUIZ_FANOUT, Metrics.cause(reply, failed));
                        return;
                    }
                    Instant endsAt = Instant.parse(reply.json().path("endsAt").asString());
                    // Answers are taken for 5 s after the end; the evaluation follows within about a second.
                    quizGraceEndMillis = endsAt.toEpochMilli() + 5_000;
                    quizResultDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                            quizGraceEndMillis - System.currentTimeMillis() + 15_000);
                });
    }

    private void readQuizEvaluation() {
        try {
            JsonNode quiz = instructor.get("/api/quizzes/" + course.quizId(), course.adminToken())
                    .get(10, TimeUnit.SECONDS)
                    .json();
            String evaluated = quiz.path("evaluatedAt").asString(null);
            quizEvaluatedAt = evaluated == null ? null : Instant.parse(evaluated);
        } catch (Exception unreadable) {
            quizEvaluatedAt = null;
        }
    }

    private void everySecond() {
        sessionsPerSecond.add(metrics.sessionsHeld());
        for (Student student : students) {
            student.heartBeat();
        }
    }

    private void tick() {
        Map<String, NodeSampler.Sample> sample = nodes.sample();
        if (!sample.isEmpty()) {
            lastSample = sample;
        }
        sample.values().forEach(s -> maxFlushLagMillis = Math.max(maxFlushLagMillis, s.flushLagMillis()));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        broker.sample(seconds);
        Map<String, Integer> sessions = new LinkedHashMap<>();
        sample.forEach((node, s) -> {
            if (s.sessions() >= 0) {
                sessions.put(node, s.sessions());
            }
            nodePoints.add(new Report.NodePoint(seconds, node, s.state(), s.sessions(), s.cpu(), s.heapUsedBytes(),
                    s.heapMaxBytes(), s.schedulerOwner()));
        });
        generator.sample(ManagementFactory.getOperatingSystemMXBean(), ManagementFactory.getMemoryMXBean(),
                Thread.activeCount(), System.nanoTime());
        Metrics.TimePoint point = metrics.tick(sessions);
        System.out.printf(java.util.Locale.ROOT, "%6.0f s  sessions %5d/%d  saves %5.1f/s  save p50 %6.1f p99 %7.1f ms"
                + "  floor p99 %6.1f ms  failed %d%s%n", point.seconds(), point.sessionsHeld(), options.students(),
                point.saves() / (double) TICK.toSeconds(), point.saveP50Millis(), point.saveP99Millis(),
                point.floorP99Millis(), point.failures(), sessions.isEmpty() ? "" : "  nodes " + sessions);
    }

    /** Notes a moment on the time line (a fault, the quiz) for the plot and the drill's recovery time. */
    public void mark(String what) {
        marks.add(new Report.Mark((System.nanoTime() - startNanos) / 1e9, what));
    }

    // ---- for the students --------------------------------------------------------------------------------------

    Api api() {
        return api;
    }

    public BenchOptions options() {
        return options;
    }

    public Setup.BenchCourse course() {
        return course;
    }

    public Metrics metrics() {
        return metrics;
    }

    public SaveLedger ledger() {
        return ledger;
    }

    URI webSocketUri() {
        return webSocket;
    }

    boolean stillRunning() {
        return running;
    }

    /** The working time is over: from the hold's end on, students hand in and no one starts any more. */
    boolean examOver() {
        return System.nanoTime() >= holdEndNanos;
    }

    /**
     * A save (or quiz answer) begins: counted until its answer, so that the set check starts only once none is on
     * its way. Answers false, counting nothing, once the run has ended: no save is sent after that.
     */
    boolean saveBegins() {
        savesInFlight.incrementAndGet();
        // Counted before the check: once awaitSavesSettled saw none, every later save sees the run ended.
        if (!running) {
            saveSettled();
            return false;
        }
        return true;
    }

    void saveSettled() {
        if (savesInFlight.decrementAndGet() == 0) {
            synchronized (savesInFlight) {
                savesInFlight.notifyAll();
            }
        }
    }

    /** Waits for the saves on their way when the time allowed ran out (no retries now); they end by time-out. */
    private void awaitSavesSettled() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_SAVES.toNanos();
        synchronized (savesInFlight) {
            long left;
            while (savesInFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(savesInFlight, left);
            }
        }
        savesUnsettledAtEnd = savesInFlight.get();
    }

    int savesUnsettledAtEnd() {
        return savesUnsettledAtEnd;
    }

    long quizClickNanos() {
        return quizClickNanos;
    }

    long quizGraceEndMillis() {
        return quizGraceEndMillis;
    }

    long quizResultDeadlineNanos() {
        return quizResultDeadlineNanos;
    }

    /** Each student hands in within 10 s after the hold, spread so that not all arrive in the same millisecond. */
    long handInAt(int index) {
        long spread = Math.min(TimeUnit.SECONDS.toNanos(10), options.hold().toNanos() / 10);
        return holdEndNanos + spread * (index - 1) / Math.max(1, options.students());
    }

    void at(long nanos, Runnable task) {
        long delay = Math.max(0, nanos - System.nanoTime());
        try {
            timers.schedule(() -> callbacks.execute(task), delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException over) {
            // the run has ended
        }
    }

    void later(Duration delay, Runnable task) {
        at(System.nanoTime() + delay.toNanos(), task);
    }

    void finished(Student student) {
        allFinished.countDown();
    }

    // ---- results -----------------------------------------------------------------------------------------------

    public List<Student> students() {
        return List.copyOf(students);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public double rampEndSeconds() {
        return (rampEndNanos - startNanos) / 1e9;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** When the quiz stops taking answers (before its grace period), counted from the start. */
    public double quizEndSeconds() {
        return (quizAtNanos - startNanos) / 1e9 + options.quizDuration().toSeconds();
    }

    public double holdEndSeconds() {
        return (holdEndNanos - startNanos) / 1e9;
    }

    public List<Integer> sessionsPerSecond() {
        synchronized (sessionsPerSecond) {
            return List.copyOf(sessionsPerSecond);
        }
    }

    public List<Report.NodePoint> nodePoints() {
        synchronized (nodePoints) {
            return List.copyOf(nodePoints);
        }
    }

    public List<Report.Mark> marks() {
        synchronized (marks) {
            return List.copyOf(marks);
        }
    }

    public Report.GeneratorLoad generator() {
        return generator;
    }

    public Optional<Report.Broker> brokerSummary() {
        return broker.summary();
    }

    public String nodeSource() {
        return nodes.source();
    }

    public NodeSampler nodes() {
        return nodes;
    }

    /** The largest flush lag any node reported while the load ran; -1 if no node said. */
    public long maxFlushLagMillis() {
        return maxFlushLagMillis;
    }

    public Map<String, NodeSampler.Sample> lastNodeSample() {
        return lastSample;
    }

    public Instant quizEvaluatedAt() {
        return quizEvaluatedAt;
    }

    /** Sessions open when the instructor clicked: the students the start should reach. */
    public int quizExpected() {
        return quizExpected;
    }

    public long quizGraceEnd() {
        return quizGraceEndMillis;
    }

    @Override
    public void close() {
        running = false;
        timers.shutdownNow();
        sampler.shutdownNow();
        broker.close();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
