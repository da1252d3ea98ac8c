import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the POSIX launcher cannot do portably on a machine that has only a JDK (no curl, no ss, no nc):
 * check that ports are free, wait until a node answers its readiness probe, and seed a benchmark course through
 * a running node's REST API. Run as a single-file source program: {@code java LauncherTool.java <command> ...}.
 */
public class LauncherTool {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "ports-free" -> portsFree(args);
            case "wait-ready" -> waitReady(args);
            case "seed" -> new Seeder(args).run();
            default -> usage();
        }
    }

    /** {@code ports-free HOST NAME=PORT...}: exits 1 naming the first port something already listens on. */
    private static void portsFree(String[] args) throws IOException {
        InetAddress host = InetAddress.getByName(args[1]);
        for (int i = 2; i < args.length; i++) {
            String[] namedPort = args[i].split("=", 2);
            int port = Integer.parseInt(namedPort[1]);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(host, port));
            } catch (IOException busy) {
                System.out.println(namedPort[0] + " port " + port);
                System.exit(1);
            }
        }
    }

    /** {@code wait-ready URL SECONDS PID}: exits 0 once URL answers 200, 1 on time-out, 2 if process PID died. */
    private static void waitReady(String[] args) throws InterruptedException {
        URI uri = URI.create(args[1]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[2]));
        long pid = Long.parseLong(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                System.exit(2);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // A launcher polling a starting server: there is no event to wait on across processes.
            Thread.sleep(500);
        }
        System.exit(1);
    }

    private static void usage() {
        System.err.println("usage: LauncherTool ports-free HOST NAME=PORT... | wait-ready URL SECONDS PID"
                + " | seed --students N [--url URL] [--password PASSWORD]");
        System.exit(64);
    }

    /** Stops with one line in the launcher's voice and exit status 1. */
    private static void die(String message) {
        System.err.println("lectern: " + message);
        System.exit(1);
    }

    /**
     * {@code seed --students N [--url URL] [--password PASSWORD]}: an exam-sized course for benchmarks, made through
     * the REST API as {@code admin} in a handful of bulk calls: the course, N students (one CSV upload; they all get
     * PASSWORD, which the node hashes once), {@code instructor} as its instructor, an exam open now with two groups
     * of two text variants, every student registered and their student exam generated.
     */
    private static final class Seeder {

        private static final int MAX_STUDENTS = 5000;
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
        private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private int students;
        private String url = "http://127.0.0.1:8080";
        private String password = "demo";
        private String token;

        Seeder(String[] args) {
            Integer count = null;
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (!List.of("--students", "--url", "--password").contains(option)) {
                    die("unknown option for seed: '" + option + "' (see ./lectern help)");
                }
                if (i + 1 >= args.length) {
                    die(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--students" -> count = studentCount(value);
                    case "--url" -> url = value.replaceAll("/+$", "");
                    default -> password = value;
                }
            }
            if (count == null) {
                die("seed needs --students N (1 to " + MAX_STUDENTS + ")");
            }
            if (!url.matches("https?://[^/\\s]+")) {
                die("--url must look like http://HOST:PORT, got '" + url + "'");
            }
            students = count;
        }

        private static int studentCount(String value) {
            if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_STUDENTS) {
                die("--students needs a number from 1 to " + MAX_STUDENTS + ", got '" + value + "'");
            }
            return Integer.parseInt(value);
        }

        void run() {
            long started = System.nanoTime();
            token = capture(TOKEN, call("log in as admin", "POST", "/api/auth/login", "application/json",
                    "{\"username\":\"admin\",\"password\":" + quoted(password) + "}", 200));
            String stamp = String.valueOf(System.currentTimeMillis() / 1000);
            String shortName = "BENCH-" + stamp;
            long course = id(call("create the course", "POST", "/api/courses", "application/json",
                    "{\"shortName\":\"" + shortName + "\",\"title\":\"Benchmark course, " + students + " students\"}",
                    201));

            long step = System.nanoTime();
            List<String> logins = new ArrayList<>();
            StringBuilder csv = new StringBuilder("login,name,role,password\n");
            String quotedPassword = "\"" + password.replace("\"", "\"\"") + "\"";
            for (int i = 1; i <= students; i++) {
                String login = String.format(Locale.ROOT, "bench-%s-%04d", stamp, i);
                logins.add(login);
                csv.append(login).append(",Bench Student ").append(i).append(",STUDENT,").append(quotedPassword)
                        .append('\n');
            }
            call("enrol the students", "POST", "/api/courses/" + course + "/members/csv", "text/csv", csv.toString(),
                    200);
            double enrol = secondsSince(step);
            HttpResponse<String> instructor = send("PUT", "/api/courses/" + course + "/members/instructor",
                    "application/json", "{\"role\":\"INSTRUCTOR\"}");
            boolean withInstructor = instructor.statusCode() == 200;

            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long exam = id(call("create the exam", "POST", "/api/courses/" + course + "/exams", "application/json",
                    "{\"title\":\"Benchmark exam\",\"visibleDate\":\"" + now + "\",\"startDate\":\"" + now
                            + "\",\"endDate\":\"" + now.plus(Duration.ofHours(3)) + "\",\"workingTimeSeconds\":7200}",
                    201));
            for (int group = 1; group <= 2; group++) {
                long groupId = id(call("add an exercise group", "POST", "/api/exams/" + exam + "/exercise-groups",
                        "application/json", "{\"title\":\"Task " + group + "\"}", 201));
                for (int variant = 1; variant <= 2; variant++) {
                    call("add an exercise", "POST", "/api/exercise-groups/" + groupId + "/exercises",
                            "application/json", "{\"type\":\"TEXT\",\"title\":\"Task " + group + " variant " + variant
                                    + "\",\"problemStatement\":\"Write a few sentences.\",\"maxPoints\":10}",
                            201);
                }
            }

            step = System.nanoTime();
            call("register the students", "POST", "/api/exams/" + exam + "/registrations", "application/json",
                    "{\"logins\":[" + logins.stream().map(Seeder::quoted).collect(Collectors.joining(",")) + "]}",
                    200);
            double register = secondsSince(step);
            step = System.nanoTime();
            String generated = capture(CREATED, call("generate the student exams", "POST",
                    "/api/exams/" + exam + "/student-exams/generate", "application/json", "", 200));
            double generate = secondsSince(step);

            System.out.printf(Locale.ROOT, "Created course %s (id %d) with %d students and %s student exams (exam %d)"
                            + " in %.1f s (enrolment %.1f s, registration %.1f s, generation %.1f s)%n",
                    shortName, course, students, generated, exam, secondsSince(started), enrol, register, generate);
            System.out.printf(Locale.ROOT, "Students %s..%s, password %s; instructor: %s%n", logins.get(0),
                    logins.get(logins.size() - 1), password,
                    withInstructor ? "instructor" : "none (no user 'instructor' on this node), use admin");
        }

        /** Sends the request and stops with the node's explanation unless it answers {@code expected}. */
        private String call(String what, String method, String path, String contentType, String body, int expected) {
            HttpResponse<String> response = send(method, path, contentType, body);
            if (response.statusCode() != expected) {
                Matcher detail = DETAIL.matcher(response.body());
                die("could not " + what + ": HTTP " + response.statusCode()
                        + (detail.find() ? " (" + detail.group(1) + ")" : ""));
            }
            return response.body();
        }

        private HttpResponse<String> send(String method, String path, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException unreachable) {
                die("no Lectern node answers at " + url + " (start one with ./lectern demo, or pass --url)");
            } catch (IOException failed) {
                die("the request to " + url + path + " failed: " + failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                die("interrupted");
            }
            throw new IllegalStateException("unreachable");
        }

        private static long id(String json) {
            return Long.parseLong(capture(ID, json));
        }

        private static String capture(Pattern pattern, String json) {
            Matcher matcher = pattern.matcher(json);
            if (!matcher.find()) {
                die("unexpected answer from the node: " + json);
            }
            return matcher.group(1);
        }

        private static String quoted(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        private static double secondsSince(long nanos) {
            return (System.nanoTime() - nanos) / 1e9;
        }
    }
}
