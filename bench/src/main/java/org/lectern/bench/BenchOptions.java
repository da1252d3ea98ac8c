package org.lectern.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark or drill run is told on the command line. Every option has a default that fits a
 * {@code ./lectern demo} on this machine; {@link #parse} refuses anything else with one line that names the option.
 *
 * @param students         simulated students (each one login, one STOMP session, autosaves, one quiz answer)
 * @param hold             how long every student stays connected and saving after the ramp
 * @param ramp             over how long the logins are spread
 * @param arrivals         how they are spread: evenly, or as a surge peaking at {@code peak}
 * @param peak             when a surge's arrivals peak, from the start of the ramp (null: a tenth into it)
 * @param url              base URL of a node or of the balancer
 * @param ca               a PEM certificate to trust for an https {@code url} (null: the local cluster's when
 *                         {@code url} is its balancer, otherwise the JDK's trusted authorities)
 * @param adminUser        the administrator who sets up the course, exam and quiz and starts the quiz
 * @param password         password of the administrator and of every benchmark student
 * @param autosave         interval between two autosaves of one student
 * @param autosaveJitter   each autosave is moved by a uniform random amount in ±this
 * @param floorInterval    interval between two floor requests of one student (the empty authenticated request)
 * @param heartBeat        STOMP heart-beat both ways (zero: none), as browsers negotiate it
 * @param quizDuration     running time of the live quiz
 * @param quizAt           when the instructor starts the quiz, after the ramp ended (null: half-way through the hold)
 * @param hazelcast        a member address to read node status from ({@code host:port}), or null for none
 * @param clusterName      the Hazelcast cluster name
 * @param jdbcUrl          the cluster database for the set check (null: check through the REST API)
 * @param jdbcUser         database user
 * @param jdbcPassword     database password
 * @param output           where the report, summary and plot go
 * @param threads          platform threads for HTTP and WebSocket callbacks
 * @param brokerJmx        the message broker's JMX ({@code host:port}; the local cluster's by default), or null
 * @param connections      the most HTTP requests in flight at once, so the most connections the students share
 *                         (half of them at most for logins)
 */
public record BenchOptions(
        int students,
        Duration hold,
        Duration ramp,
        Arrivals arrivals,
        Duration peak,
        URI url,
        Path ca,
        String adminUser,
        String password,
        Duration autosave,
        Duration autosaveJitter,
        Duration floorInterval,
        Duration heartBeat,
        Duration quizDuration,
        Duration quizAt,
        String hazelcast,
        String clusterName,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        Path output,
        int threads,
        String brokerJmx,
        int connections) {

    /** The largest run this generator is meant for; a bigger one would also exhaust loopback's ephemeral ports. */
    public static final int MAX_STUDENTS = 20_000;

    /** Refused option or value, with the message the command line prints. */
    public static final class BadOption extends RuntimeException {
        BadOption(String message) {
            super(message);
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions(100, Duration.ofMinutes(2), Duration.ofSeconds(60), Arrivals.EVEN, null,
                URI.create("http://127.0.0.1:8080"), null,
                "admin", "demo", Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(30), null, "127.0.0.1:5701", "lectern", null, "lectern",
                "lectern", Path.of("target/bench"), 4, "127.0.0.1:1099",
                Api.DEFAULT_CONNECTIONS);
    }

    /** The time from the first login until the last student handed in, roughly. */
    public Duration total() {
        return ramp.plus(hold);
    }

    /** When a surge's arrivals peak, from the start of the ramp. */
    public Duration peakOrDefault() {
        return peak != null ? peak : ramp.dividedBy(10);
    }

    /** When the quiz starts, counted from the end of the ramp. */
    public Duration quizStart() {
        if (quizAt != null) {
            return quizAt;
        }
        return hold.dividedBy(2);
    }

    /** Parses {@code --name value} pairs over the defaults; unknown names and bad values are refused. */
    public static BenchOptions parse(List<String> args) {
        return parse(args, defaults());
    }

    public static BenchOptions parse(List<String> args, BenchOptions base) {
        BenchOptions o = base;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (rest.isEmpty()) {
                throw new BadOption(name + " needs a value");
            }
            String value = rest.remove(0);
            o = switch (name) {
                case "--students" -> o.with(b -> b.students = count(name, value, 1, MAX_STUDENTS));
                case "--minutes" -> o.with(b -> b.hold = Duration.ofMillis(
                        Math.round(decimal(name, value, 0.05, 600) * 60_000)));
                case "--seconds" -> o.with(b -> b.hold = Duration.ofSeconds(count(name, value, 1, 36_000)));
                case "--ramp-seconds" -> o.with(b -> b.ramp = Duration.ofSeconds(count(name, value, 0, 3_600)));
                case "--profile" -> o.with(b -> b.arrivals = Arrivals.of(value));
                case "--peak-seconds" -> o.with(b -> b.peak = Duration.ofSeconds(count(name, value, 0, 3_600)));
                case "--url" -> o.with(b -> b.url = url(value));
                case "--ca" -> o.with(b -> b.ca = readableFile(name, value));
                case "--admin" -> o.with(b -> b.adminUser = value);
                case "--password" -> o.with(b -> b.password = value);
                case "--autosave-seconds" -> o.with(b -> b.autosave = Duration.ofSeconds(count(name, value, 1, 600)));
                case "--floor-seconds" -> o.with(b -> b.floor = Duration.ofSeconds(count(name, value, 1, 3_600)));
                case "--heartbeat-ms" -> o.with(b -> b.heartBeat = Duration.ofMillis(count(name, value, 0, 120_000)));
                case "--quiz-seconds" -> o.with(b -> b.quizDuration = Duration.ofSeconds(count(name, value, 10, 7_200)));
                case "--quiz-at-seconds" -> o.with(b -> b.quizAt = Duration.ofSeconds(count(name, value, 0, 36_000)));
                case "--hazelcast" -> o.with(b -> b.hazelcast = "none".equals(value) ? null : value);
                case "--cluster-name" -> o.with(b -> b.clusterName = value);
                case "--jdbc" -> o.with(b -> b.jdbcUrl = jdbc(value));
                case "--jdbc-user" -> o.with(b -> b.jdbcUser = value);
                case "--jdbc-password" -> o.with(b -> b.jdbcPassword = value);
                case "--output" -> o.with(b -> b.output = Path.of(value));
                case "--threads" -> o.with(b -> b.threads = count(name, value, 1, 64));
                case "--connections" -> o.with(b -> b.connections = count(name, value, 3, 20_000));
                case "--broker-jmx" -> o.with(b -> b.brokerJmx = "none".equals(value) ? null : value);
                default -> throw new BadOption("unknown option '" + name + "' (see ./lectern help)");
            };
        }
        return o;
    }

    private static int count(String name, String value, int min, int max) {
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new BadOption(name + " needs a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static double decimal(String name, String value, double min, double max) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new BadOption(String.format(Locale.ROOT, "%s needs a number from %s to %s, got '%s'", name,
                    min, max, value));
        }
        return parsed;
    }

    private static URI url(String value) {
        String trimmed = value.replaceAll("/+$", "");
        if (!trimmed.matches("https?://[^/\\s]+")) {
            throw new BadOption("--url must look like http://HOST:PORT, got '" + value + "'");
        }
        return URI.create(trimmed);
    }

    private static Path readableFile(String name, String value) {
        Path file = Path.of(value);
        if (!Files.isReadable(file) || !Files.isRegularFile(file)) {
            throw new BadOption(name + " needs a readable PEM file, got '" + value + "'");
        }
        return file;
    }

    private static String jdbc(String value) {
        if (!value.startsWith("jdbc:postgresql://")) {
            throw new BadOption("--jdbc must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB), got '"
                    + value + "'");
        }
        return value;
    }

    private BenchOptions with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** Mutable twin used only while parsing, so that each option changes one field. */
    private static final class Builder {
        int students;
        Duration hold;
        Duration ramp;
        Arrivals arrivals;
        Duration peak;
        URI url;
        Path ca;
        String adminUser;
        String password;
        Duration autosave;
        Duration autosaveJitter;
        Duration floor;
        Duration heartBeat;
        Duration quizDuration;
        Duration quizAt;
        String hazelcast;
        String clusterName;
        String jdbcUrl;
        String jdbcUser;
        String jdbcPassword;
        Path output;
        int threads;
        String brokerJmx;
        int connections;

        Builder(BenchOptions o) {
            students = o.students;
            hold = o.hold;
            ramp = o.ramp;
            arrivals = o.arrivals;
            peak = o.peak;
            url = o.url;
            ca = o.ca;
            adminUser = o.adminUser;
            password = o.password;
            autosave = o.autosave;
            autosaveJitter = o.autosaveJitter;
            floor = o.floorInterval;
            heartBeat = o.heartBeat;
            quizDuration = o.quizDuration;
            quizAt = o.quizAt;
            hazelcast = o.hazelcast;
            clusterName = o.clusterName;
            jdbcUrl = o.jdbcUrl;
            jdbcUser = o.jdbcUser;
            jdbcPassword = o.jdbcPassword;
            output = o.output;
            threads = o.threads;
            brokerJmx = o.brokerJmx;
            connections = o.connections;
        }

        BenchOptions build() {
            return new BenchOptions(students, hold, ramp, arrivals, peak, url, ca, adminUser, password, autosave,
                    autosaveJitter,
                    floor, heartBeat, quizDuration, quizAt, hazelcast, clusterName, jdbcUrl, jdbcUser, jdbcPassword,
                    output, threads, brokerJmx, connections);
        }
    }
}
