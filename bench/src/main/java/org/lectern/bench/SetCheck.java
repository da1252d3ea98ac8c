package org.lectern.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * After a run: is every acknowledged save in the database, is nothing there that no student sent, is nothing there
 * twice? Directly in the cluster's PostgreSQL when a JDBC URL is given (every version, by idempotency key), else
 * through the REST API as each student (their latest version per exercise: the version numbers and the content
 * tell lost and doubled saves apart, but earlier versions are out of its sight).
 *
 * <p>A live save is acknowledged once two cluster members hold it and reaches the database a moment later, so the
 * check first waits until no node reports a save still on its way (the flush lag in the nodes' status records or
 * metrics), at most {@link #FLUSH_TIMEOUT}; if the nodes do not say, or saves still look lost, it reads again until
 * they are all there or the time-out has passed. Lag is not loss.
 */
public final class SetCheck {

    /** Longer than a node's default bound on the flush lag (2 min), past which it takes no more live saves. */
    static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(3);
    /** A node measures its lag at most once a second and publishes it every 2 s: a zero before this may be old. */
    static final Duration SETTLE = Duration.ofSeconds(4);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REREAD = Duration.ofSeconds(10);

    /**
     * What the check saw of the flush.
     *
     * @param maxLagDuringRunSeconds the largest flush lag a node reported while the load ran (-1: no node said)
     * @param lagAtHandInSeconds     the largest a node reported when the check began (-1: no node said)
     * @param waitedSeconds          how long the check waited for the saves to reach the database
     * @param drained                whether the nodes reported every save in the database within the time-out
     */
    public record Flush(double maxLagDuringRunSeconds, double lagAtHandInSeconds, double waitedSeconds,
            boolean drained) {

        public String line() {
            String lag = maxLagDuringRunSeconds < 0 ? "flush lag not reported by the nodes"
                    : String.format(Locale.ROOT, "flush lag max %.1f s during the run, %.1f s at the hand-in",
                            maxLagDuringRunSeconds, lagAtHandInSeconds);
            return String.format(Locale.ROOT, "%s; waited %.1f s for the saves to reach the database%s", lag,
                    waitedSeconds, drained ? "" : " (the nodes did not report them all there)");
        }
    }

    /**
     * @param method       {@code jdbc} or {@code api}
     * @param acknowledged saves the node acknowledged (200 with a submission)
     * @param confirmed    of those, found in the database
     * @param lost         acknowledged but not in the database
     * @param unexpected   in the database, but not as sent (a key or content no student sent)
     * @param duplicated   in the database more than once (a key twice, or more versions than saves sent)
     */
    public record Result(String method, long acknowledged, long confirmed, long lost, long unexpected,
            long duplicated, List<String> examples, Flush flush) {

        Result(String method, long acknowledged, long confirmed, long lost, long unexpected, long duplicated,
                List<String> examples) {
            this(method, acknowledged, confirmed, lost, unexpected, duplicated, examples, null);
        }

        /** The check could not read the saves back (the node or database did not answer): nothing is known. */
        static Result unavailable(String method, String reason) {
            return new Result(method + " unavailable: " + reason, -1, -1, -1, -1, -1, List.of());
        }

        Result with(Flush seen) {
            return new Result(method, acknowledged, confirmed, lost, unexpected, duplicated, examples, seen);
        }

        public boolean clean() {
            return lost == 0 && unexpected == 0 && duplicated == 0;
        }

        public String line() {
            return String.format(Locale.ROOT, "Set check (%s): %d acknowledged, %d confirmed — lost %d, unexpected %d,"
                    + " duplicated %d%s%s", method, acknowledged, confirmed, lost, unexpected, duplicated,
                    examples.isEmpty() ? "" : " e.g. " + examples,
                    flush == null ? "" : System.lineSeparator() + "  " + flush.line());
        }
    }

    private SetCheck() {
    }

    public static Result run(LoadRun run) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + FLUSH_TIMEOUT.toNanos();
        Flush flush = awaitFlush(run.nodes()::sample, run.maxFlushLagMillis(), SETTLE, FLUSH_TIMEOUT, POLL);
        Result result = check(run);
        // Saves that still look lost may be on their way (nodes that do not report their lag): read again.
        while (result.lost() > 0 && System.nanoTime() + REREAD.toNanos() < deadline) {
            TimeUnit.MILLISECONDS.sleep(REREAD.toMillis());
            result = check(run);
        }
        double waited = (System.nanoTime() - started) / 1e9;
        return result.with(new Flush(flush.maxLagDuringRunSeconds(), flush.lagAtHandInSeconds(),
                Report.round(Math.max(flush.waitedSeconds(), result.lost() > 0 ? waited : 0)), flush.drained()));
    }

    private static Result check(LoadRun run) {
        BenchOptions options = run.options();
        try {
            if (options.jdbcUrl() != null) {
                return viaDatabase(run.ledger(), options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
            }
            return viaApi(run);
        } catch (RuntimeException unreadable) {
            return Result.unavailable(options.jdbcUrl() != null ? "jdbc" : "api", String.valueOf(unreadable));
        }
    }

    /**
     * Waits until every node reports no acknowledged save outside the database, in a sample taken at least
     * {@code settle} after the wait began, or until {@code timeout}. Polls: from outside the cluster the status
     * records offer nothing to wait on. Returns at once when a node does not report its lag.
     */
    static Flush awaitFlush(Supplier<Map<String, NodeSampler.Sample>> nodes, long maxLagDuringRunMillis,
            Duration settle, Duration timeout, Duration poll) throws InterruptedException {
        long started = System.nanoTime();
        double atHandIn = Double.NaN;
        double maxDuringRun = maxLagDuringRunMillis < 0 ? -1 : maxLagDuringRunMillis / 1000.0;
        while (true) {
            Map<String, NodeSampler.Sample> sample = nodes.get();
            boolean reported = !sample.isEmpty() && sample.values().stream().allMatch(s -> s.flushLagMillis() >= 0);
            long lag = sample.values().stream().mapToLong(NodeSampler.Sample::flushLagMillis).max().orElse(-1);
            if (Double.isNaN(atHandIn)) {
                atHandIn = reported ? lag / 1000.0 : -1;
            }
            long elapsed = System.nanoTime() - started;
            double waited = Report.round(elapsed / 1e9);
            if (!reported) {
                return new Flush(maxDuringRun, atHandIn, waited, false);
            }
            if (lag == 0 && elapsed >= settle.toNanos()) {
                return new Flush(maxDuringRun, atHandIn, waited, true);
            }
            if (elapsed >= timeout.toNanos()) {
                return new Flush(maxDuringRun, atHandIn, waited, false);
            }
            TimeUnit.MILLISECONDS.sleep(poll.toMillis()); // polling the nodes' reports, as the sampler does
        }
    }

    static Result viaDatabase(SaveLedger ledger, String url, String user, String password) {
        Map<String, Integer> rowsPerKey = new HashMap<>();
        List<String> examples = new ArrayList<>();
        long unexpected = 0;
        String sql = "select idempotency_key, content from submissions where idempotency_key like ?";
        try (Connection db = DriverManager.getConnection(url, user, password);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, ledger.prefix() + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    rowsPerKey.merge(key, 1, Integer::sum);
                    SaveLedger.Save sent = ledger.sent(key);
                    boolean asSent = sent != null && (sent.target() == SaveLedger.Target.QUIZ
                            || SaveLedger.content(Setup.login(sent.student()), sent.number()).equals(rows.getString(2)));
                    if (!asSent) {
                        unexpected++;
                        example(examples, "unexpected " + key);
                    }
                }
            }
        } catch (SQLException unreachable) {
            throw new IllegalStateException("the set check could not read " + url + ": " + unreachable.getMessage(),
                    unreachable);
        }
        long acknowledged = 0;
        long confirmed = 0;
        long lost = 0;
        for (SaveLedger.Save save : ledger.allSent()) {
            if (ledger.ackOf(save.key()) == null) {
                continue;
            }
            acknowledged++;
            if (rowsPerKey.containsKey(save.key())) {
                confirmed++;
            } else {
                lost++;
                example(examples, "lost " + save.key());
            }
        }
        long duplicated = rowsPerKey.values().stream().filter(count -> count > 1).mapToLong(count -> count - 1).sum();
        return new Result("jdbc", acknowledged, confirmed, lost, unexpected, duplicated, examples);
    }

    static Result viaApi(LoadRun run) {
        SaveLedger ledger = run.ledger();
        Map<Integer, List<SaveLedger.Save>> byStudent = ledger.allSent().stream()
                .collect(Collectors.groupingBy(SaveLedger.Save::student));
        long[] totals = new long[5]; // acknowledged, confirmed, lost, unexpected, duplicated
        List<String> examples = new ArrayList<>();
        List<Student> students = run.students();
        for (int from = 0; from < students.size(); from += 50) {
            List<CompletableFuture<Void>> batch = new ArrayList<>();
            for (Student student : students.subList(from, Math.min(students.size(), from + 50))) {
                List<SaveLedger.Save> saves = byStudent.getOrDefault(Integer.parseInt(student.login().substring(6)),
                        List.of());
                if (student.token() == null || saves.isEmpty()) {
                    continue;
                }
                batch.add(readBack(run, student, saves).thenAccept(counts -> {
                    synchronized (totals) {
                        for (int i = 0; i < totals.length; i++) {
                            totals[i] += counts.figures[i];
                        }
                        counts.examples.forEach(e -> example(examples, e));
                    }
                }));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
        }
        return new Result("api", totals[0], totals[1], totals[2], totals[3], totals[4], examples);
    }

    private record Counts(long[] figures, List<String> examples) {
    }

    private static CompletableFuture<Counts> readBack(LoadRun run, Student student, List<SaveLedger.Save> saves) {
        Api api = run.api();
        Setup.BenchCourse course = run.course();
        CompletableFuture<JsonNode> exam = api.get("/api/exams/" + course.examId() + "/student-exam", student.token())
                .thenApply(reply -> reply.ok() ? reply.json() : null);
        CompletableFuture<JsonNode> quiz = api.get("/api/quizzes/" + course.quizId() + "/submission", student.token())
                .thenApply(reply -> reply.ok() ? reply.json() : null);
        return exam.thenCombine(quiz, (examView, quizView) -> {
            Map<Long, JsonNode> latest = new HashMap<>();
            if (examView != null) {
                for (JsonNode exercise : examView.path("exercises")) {
                    latest.put(exercise.path("id").asLong(), exercise.path("latestSave"));
                }
            }
            if (quizView != null) {
                latest.put(course.quizId(), quizView);
            }
            long[] figures = new long[5];
            List<String> examples = new ArrayList<>();
            Map<Long, List<SaveLedger.Save>> byExercise = saves.stream()
                    .collect(Collectors.groupingBy(SaveLedger.Save::exerciseId));
            byExercise.forEach((exercise, sent) -> compare(run.ledger(), student.login(), sent,
                    latest.get(exercise), figures, examples));
            return new Counts(figures, examples);
        });
    }

    /** One student's saves of one exercise against the latest version the node shows. */
    static void compare(SaveLedger ledger, String login, List<SaveLedger.Save> sent, JsonNode latest, long[] figures,
            List<String> examples) {
        int version = latest == null || latest.isNull() || latest.isMissingNode() ? 0 : latest.path("version").asInt();
        List<SaveLedger.Save> ordered = sent.stream().sorted(Comparator.comparingInt(SaveLedger.Save::number)).toList();
        SaveLedger.Save atLatest = null;
        for (SaveLedger.Save save : ordered) {
            SaveLedger.Ack ack = ledger.ackOf(save.key());
            if (ack == null) {
                continue;
            }
            figures[0]++;
            if (ack.version() <= version) {
                figures[1]++;
            } else {
                figures[2]++;
                example(examples, "lost " + save.key() + " (version " + ack.version() + ", node shows " + version + ")");
            }
            if (ack.version() == version) {
                atLatest = save;
            }
        }
        if (version > ordered.size()) {
            figures[4] += version - ordered.size();
            example(examples, "duplicated: " + login + " exercise " + ordered.get(0).exerciseId() + " has version "
                    + version + " of " + ordered.size() + " saves sent");
        }
        if (version > 0 && ordered.get(0).target() == SaveLedger.Target.EXAM) {
            String content = latest.path("content").asString("");
            boolean known = atLatest != null ? SaveLedger.content(login, atLatest.number()).equals(content)
                    : ordered.stream().anyMatch(s -> SaveLedger.content(login, s.number()).equals(content));
            if (!known) {
                figures[3]++;
                example(examples, "unexpected content in " + login + " exercise " + ordered.get(0).exerciseId());
            }
        }
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }
}
