package org.lectern.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;

/**
 * Prepares a run through the REST API, as the administrator: the course {@value #COURSE} with the students
 * {@code bench-00001…} (created once and reused by every later run: a CSV upload leaves existing users alone),
 * then, new for each run, an exam open now with two text exercises, every student registered with a student exam,
 * and a live quiz of one question.
 */
public final class Setup {

    public static final String COURSE = "BENCH";

    /** The node's limit for one registration request. */
    private static final int REGISTRATION_BATCH = 5_000;

    private final Api api;
    private final BenchOptions options;

    public Setup(Api api, BenchOptions options) {
        this.api = api;
        this.options = options;
    }

    /** What a run works on. */
    public record BenchCourse(long courseId, long examId, long quizId, long questionId, long correctOptionId,
            List<Long> exerciseIds, List<String> logins, String adminToken) {
    }

    public static String login(int index) {
        return String.format(Locale.ROOT, "bench-%05d", index);
    }

    public BenchCourse prepare() {
        String admin = api.login(options.adminUser(), options.password()).join();
        long course = findOrCreateCourse(admin);
        List<String> logins = new ArrayList<>();
        for (int i = 1; i <= options.students(); i++) {
            logins.add(login(i));
        }
        enrol(admin, course, logins);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration open = options.total().plus(options.quizDuration()).plus(Duration.ofHours(1));
        Map<String, Object> exam = new LinkedHashMap<>();
        exam.put("title", "Benchmark exam " + now);
        exam.put("visibleDate", now.minusSeconds(60).toString());
        exam.put("startDate", now.minusSeconds(60).toString());
        exam.put("endDate", now.plus(open).toString());
        exam.put("workingTimeSeconds", open.toSeconds());
        long examId = created("create the exam", api.postJson("/api/courses/" + course + "/exams", admin, exam).join());
        List<Long> exercises = new ArrayList<>();
        for (int task = 1; task <= 2; task++) {
            long group = created("add an exercise group", api.postJson("/api/exams/" + examId + "/exercise-groups",
                    admin, Map.of("title", "Task " + task)).join());
            exercises.add(created("add an exercise", api.postJson("/api/exercise-groups/" + group + "/exercises",
                    admin, Map.of("type", "TEXT", "title", "Task " + task, "problemStatement",
                            "Write a few sentences.", "maxPoints", 10)).join()));
        }
        for (int from = 0; from < logins.size(); from += REGISTRATION_BATCH) {
            List<String> batch = logins.subList(from, Math.min(logins.size(), from + REGISTRATION_BATCH));
            expect("register the students", 200, api.postJson("/api/exams/" + examId + "/registrations", admin,
                    Map.of("logins", batch)).join());
        }
        expect("generate the student exams", 200,
                api.postJson("/api/exams/" + examId + "/student-exams/generate", admin, null).join());

        Map<String, Object> question = Map.of("type", "SINGLE_CHOICE", "text", "Is this the exam day?", "points", 1,
                "options", List.of(Map.of("text", "Yes", "correct", true), Map.of("text", "No", "correct", false)));
        Api.Reply quiz = api.postJson("/api/courses/" + course + "/quizzes", admin, Map.of("title",
                "Benchmark quiz " + now, "durationSeconds", options.quizDuration().toSeconds(), "questions",
                List.of(question))).join();
        expect("create the quiz", 201, quiz);
        JsonNode staffView = quiz.json();
        JsonNode firstQuestion = staffView.path("questions").path(0);
        long correct = 0;
        for (JsonNode option : firstQuestion.path("options")) {
            if (option.path("correct").asBoolean()) {
                correct = option.path("id").asLong();
            }
        }
        return new BenchCourse(course, examId, staffView.path("id").asLong(), firstQuestion.path("id").asLong(),
                correct, List.copyOf(exercises), List.copyOf(logins), admin);
    }

    private long findOrCreateCourse(String admin) {
        for (JsonNode course : expect("list the courses", 200, api.get("/api/courses", admin).join()).json()) {
            if (COURSE.equals(course.path("shortName").asString())) {
                return course.path("id").asLong();
            }
        }
        Api.Reply created = api.postJson("/api/courses", admin,
                Map.of("shortName", COURSE, "title", "Benchmark course")).join();
        if (created.status() == 409) {
            throw new IllegalStateException("the course " + COURSE + " exists, but " + options.adminUser()
                    + " is not a member of it: enrol " + options.adminUser() + " as its instructor, or use another node");
        }
        return created("create the course " + COURSE, created);
    }

    private void enrol(String admin, long course, List<String> logins) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter rows = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader("login", "name", "role", "password").get())) {
            // The administrator becomes a member, so that the next run finds the course in its list.
            rows.printRecord(options.adminUser(), "Benchmark administrator", "INSTRUCTOR", "");
            for (int i = 0; i < logins.size(); i++) {
                rows.printRecord(logins.get(i), "Bench Student " + (i + 1), "STUDENT", options.password());
            }
        } catch (IOException e) { // a StringBuilder does not fail
            throw new UncheckedIOException(e);
        }
        expect("enrol the students", 200, api.send("POST", "/api/courses/" + course + "/members/csv", admin,
                "text/csv", csv.toString(), null).join());
    }

    private static long created(String what, Api.Reply reply) {
        return expect(what, 201, reply).json().path("id").asLong();
    }

    private static Api.Reply expect(String what, int status, Api.Reply reply) {
        if (reply.status() != status) {
            throw new Api.ApiException(what, reply);
        }
        return reply;
    }
}
