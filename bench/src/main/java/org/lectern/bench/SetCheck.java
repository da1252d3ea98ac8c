package org.lectern.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * After a run: is every acknowledged save in the database, is nothing there that no student sent, is nothing there
 * twice? Directly in the cluster's PostgreSQL when a JDBC URL is given (every version, by idempotency key), else
 * through the REST API as each student (their latest version per exercise: the version numbers and the content
 * tell lost and doubled saves apart, but earlier versions are out of its sight).
 */
public final class SetCheck {

    /**
     * @param method       {@code jdbc} or {@code api}
     * @param acknowledged saves the node acknowledged (200 with a submission)
     * @param confirmed    of those, found in the database
     * @param lost         acknowledged but not in the database
     * @param unexpected   in the database, but not as sent (a key or content no student sent)
     * @param duplicated   in the database more than once (a key twice, or more versions than saves sent)
     */
    public record Result(String method, long acknowledged, long confirmed, long lost, long unexpected,
            long duplicated, List<String> examples) {

        /** The check could not read the saves back (the node or database did not answer): nothing is known. */
        static Result unavailable(String method, String reason) {
            return new Result(method + " unavailable: " + reason, -1, -1, -1, -1, -1, List.of());
        }

        public boolean clean() {
            return lost == 0 && unexpected == 0 && duplicated == 0;
        }

        public String line() {
            return String.format(Locale.ROOT, "Set check (%s): %d acknowledged, %d confirmed — lost %d, unexpected %d,"
                    + " duplicated %d%s", method, acknowledged, confirmed, lost, unexpected, duplicated,
                    examples.isEmpty() ? "" : " e.g. " + examples);
        }
    }

    private SetCheck() {
    }

    public static Result run(LoadRun run) {
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
