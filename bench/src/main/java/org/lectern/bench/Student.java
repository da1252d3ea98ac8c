package org.lectern.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lectern.bench.Metrics.Kind;
import tools.jackson.databind.JsonNode;

/**
 * One simulated student on exam day, as the browser client behaves: log in, hold a STOMP session (reconnecting with
 * jittered back-off, replaying what was missed), start the student exam, autosave every 30 s (jittered) with a
 * fresh idempotency key per save and the same key on every retry, answer the live quiz when its start arrives, hand
 * in. Everything is asynchronous; nothing here blocks a thread.
 */
final class Student {

    /** Personal and course destinations whose sequence numbers the student follows (client rules of docs/api.md). */
    private static final List<String> QUEUES = List.of("/user/queue/submissions", "/user/queue/results",
            "/user/queue/control", "/user/queue/notifications");

    private final LoadRun run;
    private final int index;
    private final String login;
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private volatile String token;
    private volatile StompSession session;
    private volatile List<Long> exercises = List.of();
    private volatile boolean finished;
    private volatile boolean quizStartSeen;
    private volatile boolean quizResultSeen;
    private volatile long lostAtNanos;
    private boolean up;
    private int saves;
    private int reconnectAttempt;
    private int loginAttempts;
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    Student(LoadRun run, int index) {
        this.run = run;
        this.index = index;
        this.login = Setup.login(index);
    }

    String login() {
        return login;
    }

    String token() {
        return token;
    }

    /** Starts the student's day; {@code intended} is its place in the ramp. */
    void begin(long intended) {
        run.api().login(login, run.options().password()).whenComplete((issued, failed) -> {
            if (run.examOver()) {
                // Logged in (or still refused) after the working time: such a student only sees that the exam is
                // over, so it neither starts nor connects; counted as never in, not as requests of the exam.
                neverIn();
                return;
            }
            if (failed != null) {
                run.metrics().failed(Kind.LOGIN, Metrics.cause(null, failed));
                if (run.stillRunning()) {
                    // Jittered back-off as for reconnects: a node that cannot keep up is not helped by a storm.
                    long base = Math.min(30_000, 2_000L << Math.min(loginAttempts++, 4));
                    run.later(Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()))),
                            () -> begin(intended));
                }
                return;
            }
            run.metrics().record(Kind.LOGIN, intended);
            token = issued;
            connect(System.nanoTime(), false);
            startExam(System.nanoTime());
        });
    }

    private void startExam(long intended) {
        run.api().postJson("/api/exams/" + run.course().examId() + "/student-exam/start", token, null)
                .whenComplete((reply, failed) -> {
                    if (failed != null || !reply.ok()) {
                        run.metrics().failed(Kind.EXAM_START, Metrics.cause(reply, failed));
                        if (run.stillRunning() && (failed != null || reply.retryable())) {
                            run.later(Duration.ofSeconds(2), () -> startExam(System.nanoTime()));
                        }
                        return;
                    }
                    run.metrics().record(Kind.EXAM_START, intended);
                    exercises = reply.json().path("exercises").valueStream().map(e -> e.path("id").asLong())
                            .toList();
                    long now = System.nanoTime();
                    scheduleSave(now + random(run.options().autosave()));
                    scheduleFloor(now + random(run.options().floorInterval()));
                    run.at(run.handInAt(index), this::handIn);
                });
    }

    // ---- the STOMP session ------------------------------------------------------------------------------------

    private void connect(long intended, boolean reconnecting) {
        if (finished) {
            return;
        }
        URI ws = run.webSocketUri();
        StompSession.connect(run.api().http(), ws, token, run.options().heartBeat(), new Listener())
                .thenCompose(opened -> {
                    session = opened;
                    opened.subscribe("replay", "/user/queue/replay");
                    for (String queue : QUEUES) {
                        opened.subscribe(queue, queue);
                    }
                    opened.subscribe("exam", "/topic/exams/" + run.course().examId() + "/students");
                    return opened.subscribeConfirmed("course", courseTopic());
                })
                .whenComplete((subscribed, failed) -> {
                    if (failed != null && finished) {
                        return; // handed in and left while connecting: the student closed it, not the node
                    }
                    if (failed != null) {
                        run.metrics().failed(Kind.CONNECT, Metrics.cause(null, failed));
                        StompSession half = session;
                        if (half != null) {
                            half.abort();
                        }
                        retryConnect();
                        return;
                    }
                    run.metrics().record(Kind.CONNECT, intended);
                    markUp();
                    reconnectAttempt = 0;
                    if (reconnecting) {
                        run.metrics().reconnected();
                        run.metrics().record(Kind.RECOVERY, lostAtNanos);
                        replayAll();
                    }
                    if (finished) {
                        session.disconnect();
                        markDown();
                    }
                });
    }

    private String courseTopic() {
        return "/topic/courses/" + run.course().courseId() + "/students";
    }

    /** Rule 4 of the client rules: after a reconnect, ask for what was missed on every followed destination. */
    private void replayAll() {
        StompSession current = session;
        for (String destination : java.util.stream.Stream.concat(QUEUES.stream(), java.util.stream.Stream.of(
                courseTopic())).toList()) {
            current.sendJson("/app/replay", Api.JSON.writeValueAsString(Map.of("destination", destination, "lastSeq",
                    lastSeq.getOrDefault(destination, 0L))));
        }
    }

    private void retryConnect() {
        if (finished || !run.stillRunning()) {
            return;
        }
        // 1 s doubling to 30 s, each delay times a uniform factor in [0.5, 1.5] (docs/api.md, "Reconnecting").
        long base = Math.min(30_000, 1_000L << Math.min(reconnectAttempt++, 5));
        long delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        // A reconnect only after a session was lost; a first connection that failed is tried again as a first one.
        run.later(Duration.ofMillis(delay), () -> connect(System.nanoTime(), lostAtNanos != 0));
    }

    private final class Listener implements StompSession.Listener {

        @Override
        public void onFrame(StompSession.Frame frame) {
            if (!"MESSAGE".equals(frame.command())) {
                return;
            }
            JsonNode body = Api.JSON.readTree(frame.body());
            if ("/user/queue/replay".equals(frame.header("destination"))
                    || body.has("outcome") && body.has("messages")) {
                for (JsonNode message : body.path("messages")) {
                    handle(message);
                }
                return;
            }
            handle(body);
        }

        @Override
        public void onLost(String reason) {
            // A session lost while connecting is retried by connect itself.
            if (markDown() && !finished) {
                lostAtNanos = System.nanoTime();
                run.metrics().sessionLost();
                retryConnect();
            }
        }
    }

    /** One {@code Sequenced} envelope: rule 1 drops what was handled already. */
    private void handle(JsonNode envelope) {
        String destination = envelope.path("destination").asString("");
        long seq = envelope.path("seq").asLong(0);
        if (seq > 0) {
            long[] isNew = {0};
            long[] missed = {0};
            lastSeq.compute(destination, (d, last) -> {
                if (last != null && seq <= last) {
                    return last;
                }
                isNew[0] = 1;
                missed[0] = last == null ? 0 : seq - last - 1;
                return seq;
            });
            run.metrics().sequenced(missed[0], isNew[0] == 0);
            if (isNew[0] == 0) {
                return;
            }
        }
        JsonNode payload = envelope.path("payload");
        switch (payload.path("type").asString("")) {
            case "SUBMISSION_ACK" -> {
                if (run.ledger().isOurs(payload.path("idempotencyKey").asString(null))) {
                    run.metrics().stompAck();
                }
            }
            case "QUIZ_STARTED" -> onQuizStarted(payload);
            case "QUIZ_RESULT" -> onQuizResult(payload);
            case "RECONNECT_ELSEWHERE" -> onReconnectElsewhere(payload);
            default -> {
                // announcements, working time, notifications: a student reads them; nothing to measure
            }
        }
    }

    private void onQuizStarted(JsonNode payload) {
        if (payload.path("quizId").asLong() != run.course().quizId() || quizStartSeen) {
            return;
        }
        quizStartSeen = true;
        long click = run.quizClickNanos();
        if (click > 0) {
            run.metrics().record(Kind.QUIZ_FANOUT, click);
        }
        run.metrics().quizStartReceived();
        long think = random(Duration.ofMillis(Math.min(5_000, run.options().quizDuration().toMillis() / 3)));
        long intended = System.nanoTime() + think;
        run.at(intended, () -> answerQuiz(intended));
    }

    private void onQuizResult(JsonNode payload) {
        if (payload.path("quizId").asLong() != run.course().quizId()) {
            return;
        }
        run.metrics().quizResultReceived(quizResultSeen);
        if (!quizResultSeen) {
            quizResultSeen = true;
            long due = run.quizGraceEndMillis();
            if (due > 0) {
                run.metrics().recordMicros(Kind.QUIZ_RESULT, Math.max(0, System.currentTimeMillis() - due) * 1_000);
            }
        }
    }

    private void onReconnectElsewhere(JsonNode payload) {
        long window = Math.max(1, payload.path("reconnectWithinMillis").asLong(30_000));
        run.later(Duration.ofMillis(ThreadLocalRandom.current().nextLong(window)), () -> {
            StompSession current = session;
            if (current == null || finished) {
                return;
            }
            current.disconnect();
            markDown();
            lostAtNanos = System.nanoTime();
            connect(System.nanoTime(), true);
        });
    }

    // ---- saves, floor, quiz, hand-in ----------------------------------------------------------------------

    private void scheduleSave(long intended) {
        if (finished || intended >= run.handInAt(index)) {
            return;
        }
        run.at(intended, () -> {
            synchronized (this) {
                saving = saving.thenCompose(done -> save(intended));
            }
            long jitter = run.options().autosaveJitter().toNanos();
            long next = intended + run.options().autosave().toNanos()
                    + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
            scheduleSave(next);
        });
    }

    private CompletableFuture<Void> save(long intended) {
        if (finished || exercises.isEmpty() || !run.saveBegins()) {
            return CompletableFuture.completedFuture(null);
        }
        int number = ++saves;
        long exercise = exercises.get(number % exercises.size());
        SaveLedger.Save save = run.ledger().exam(index, exercise, number);
        Map<String, String> body = Map.of("text", SaveLedger.content(login, number));
        return withRetries(Kind.SAVE, intended, () -> run.api().putJson("/api/exams/" + run.course().examId()
                + "/exercises/" + exercise + "/submission", token, body, save.key()), save.key());
    }

    private void answerQuiz(long intended) {
        if (!run.saveBegins()) {
            return;
        }
        SaveLedger.Save save = run.ledger().quiz(index, run.course().quizId());
        Map<String, Object> body = Map.of("answers", List.of(Map.of("questionId", run.course().questionId(),
                "optionIds", List.of(run.course().correctOptionId()))));
        withRetries(Kind.QUIZ_ANSWER, intended, () -> run.api().putQuizAnswer("/api/quizzes/" + run.course().quizId()
                + "/submission", token, body, save.key()), save.key());
    }

    /**
     * Sends until the node acknowledges (the caller counted the save in with {@link LoadRun#saveBegins}; it is
     * counted out here when it ends), with the same idempotency key each time (1 s doubling to 8 s between
     * attempts, while the run lasts); a refusal that a retry cannot change (4xx other than 429) ends it.
     */
    private CompletableFuture<Void> withRetries(Kind kind, long intended, Supplier<CompletableFuture<Api.Reply>> send,
            String key) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.whenComplete((ignored, never) -> run.saveSettled());
        attempt(kind, intended, send, key, 0, done);
        return done;
    }

    private void attempt(Kind kind, long intended, Supplier<CompletableFuture<Api.Reply>> send, String key, int tries,
            CompletableFuture<Void> done) {
        send.get().whenComplete((reply, failed) -> {
            if (failed == null && reply.ok()) {
                JsonNode ack = reply.json();
                run.ledger().ack(key, new SaveLedger.Ack(ack.path("submissionId").asLong(),
                        ack.path("version").asInt(), ack.path("replayed").asBoolean()));
                run.metrics().record(kind, intended);
                done.complete(null);
                return;
            }
            run.metrics().failed(kind, Metrics.cause(reply, failed));
            boolean retry = failed != null || reply.retryable();
            if (retry && run.stillRunning()) {
                long delay = 1_000L << Math.min(tries, 3);
                run.later(Duration.ofMillis(delay), () -> attempt(kind, intended, send, key, tries + 1, done));
            } else {
                done.complete(null);
            }
        });
    }

    private void scheduleFloor(long intended) {
        if (finished || intended >= run.handInAt(index)) {
            return;
        }
        run.at(intended, () -> {
            run.api().get(LoadRun.FLOOR_PATH, token).whenComplete((reply, failed) -> {
                // The floor path exists nowhere: 404 is the answer of a node that did nothing but check the login.
                if (failed == null && reply.status() == 404) {
                    run.metrics().record(Kind.FLOOR, intended);
                } else {
                    run.metrics().failed(Kind.FLOOR, Metrics.cause(reply, failed));
                }
            });
            scheduleFloor(intended + run.options().floorInterval().toNanos());
        });
    }

    private void handIn() {
        long intended = run.handInAt(index);
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = saving;
        }
        pending.thenCompose(done -> withRetriesHandIn(intended)).whenComplete((done, failed) -> finish());
    }

    private CompletableFuture<Void> withRetriesHandIn(long intended) {
        return run.api().postJson("/api/exams/" + run.course().examId() + "/student-exam/hand-in", token, null)
                .handle((reply, failed) -> {
                    if (failed == null && reply.ok()) {
                        run.metrics().record(Kind.HAND_IN, intended);
                    } else {
                        run.metrics().failed(Kind.HAND_IN, Metrics.cause(reply, failed));
                    }
                    return null;
                });
    }

    /** Stays for the quiz result when the quiz ends after the hand-in; then leaves. */
    private void finish() {
        long resultDue = run.quizResultDeadlineNanos();
        if (quizStartSeen && !quizResultSeen && System.nanoTime() < resultDue) {
            run.at(Math.min(resultDue, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)), this::finish);
            return;
        }
        finished = true;
        StompSession current = session;
        if (current != null) {
            current.disconnect();
        }
        markDown();
        run.finished(this);
    }

    private void neverIn() {
        finished = true;
        run.finished(this);
    }

    boolean isFinished() {
        return finished;
    }

    void heartBeat() {
        StompSession current = session;
        if (current != null && !run.options().heartBeat().isZero()) {
            current.heartBeatIfIdle(run.options().heartBeat().minusSeconds(1));
        }
    }

    private static long random(Duration upTo) {
        long nanos = upTo.toNanos();
        return nanos <= 0 ? 0 : ThreadLocalRandom.current().nextLong(nanos);
    }

    private void markUp() {
        synchronized (this) {
            up = true;
        }
        run.metrics().sessionUp();
    }

    /** Counts the session as gone once, however many ways its end is noticed. */
    private boolean markDown() {
        synchronized (this) {
            if (!up) {
                return false;
            }
            up = false;
        }
        run.metrics().sessionDown();
        return true;
    }
}
