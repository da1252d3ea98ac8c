package org.lectern.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@code ./lectern bench exam [options]} and {@code ./lectern drill NAME [options]}: set up, run the exam-day load,
 * check the saves, write the report; {@code ./lectern bench bcrypt} times the password hash on this machine. Exit
 * status 0; 1 for a refused command line or a failed set-up; 2 when a drill's set check found a lost, unexpected or
 * duplicated save.
 */
public final class BenchMain {

    /** The instructor's browser: a click needs one request at a time (the least {@link Api} takes: one a share). */
    private static final int INSTRUCTOR_CONNECTIONS = 3;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = new ArrayList<>(List.of(args));
        try {
            if (list.isEmpty()) {
                throw new BenchOptions.BadOption("bench needs 'exam' or a drill (see ./lectern help)");
            }
            String command = list.remove(0);
            switch (command) {
                case "exam" -> run("exam", BenchOptions.parse(list), null);
                case "bcrypt" -> BcryptCost.main(list.toArray(String[]::new));
                case "drill" -> {
                    if (list.isEmpty()) {
                        throw new BenchOptions.BadOption("drill needs a name: kill-node, drain-rolling, "
                                + "broker-restart, db-restart, partition or owner-loss");
                    }
                    Drill.Name name = Drill.Name.of(list.remove(0));
                    Optional<LocalClusterState> cluster = LocalClusterState.read(Drill.home());
                    if (cluster.isEmpty() && !list.contains("--url")) {
                        throw new BenchOptions.BadOption("a drill runs against the local cluster, and there is none "
                                + "in " + Drill.home().resolve(".lectern/cluster") + ": start it with ./lectern "
                                + "cluster up (or give another cluster's --url, --hazelcast and --jdbc)");
                    }
                    Drill.Settings settings = Drill.Settings.parse(list,
                            cluster.map(LocalClusterState::nodes).orElse(3));
                    BenchOptions defaults = drillDefaults(name);
                    if (cluster.isPresent()) {
                        defaults = cluster.get().applyTo(defaults);
                    }
                    BenchOptions options = BenchOptions.parse(list, defaults);
                    Report report = run("drill " + name.cli(), options, new Drill(name, settings));
                    System.exit(report.setCheck().clean() ? 0 : 2);
                }
                default -> throw new BenchOptions.BadOption("unknown bench command '" + command
                        + "' (exam, drill or bcrypt)");
            }
        } catch (BenchOptions.BadOption | Api.ApiException | IllegalStateException refused) {
            System.err.println("lectern: " + refused.getMessage());
            System.exit(1);
        } catch (java.util.concurrent.CompletionException unreachable) {
            System.err.println("lectern: no Lectern node answers at the URL (" + unreachable.getCause() + "); for a "
                    + "drill, is the local cluster up? (./lectern cluster status)");
            System.exit(1);
        }
    }

    /**
     * Drills hold longer by default, each as long as its fault and the recovery after it take, so that both fall
     * into a held load and are judged before the hand-in.
     */
    static BenchOptions drillDefaults(Drill.Name name) {
        BenchOptions d = BenchOptions.defaults();
        return BenchOptions.parse(List.of("--students", "300", "--seconds",
                String.valueOf(name.defaultHold().toSeconds())), d);
    }

    /** Everything of one run; answers the report written under {@code options.output()}. */
    public static Report run(String kind, BenchOptions options, Drill drill) throws Exception {
        ExecutorService callbacks = LoadRun.callbackPool(options.threads());
        Api api = new Api(options.url(), callbacks, RetryPolicy.DEFAULT, Tls.context(options).orElse(null),
                options.connections());
        Api instructor = new Api(options.url(), callbacks, RetryPolicy.DEFAULT, Tls.context(options).orElse(null),
                INSTRUCTOR_CONNECTIONS);
        System.out.printf("Setting up %d students on %s ...%n", options.students(), options.url());
        long setupStart = System.nanoTime();
        Setup.BenchCourse course = new Setup(api, options).prepare();
        System.out.printf("Set up in %.1f s: course %d, exam %d, quiz %d. Running %s ...%n",
                (System.nanoTime() - setupStart) / 1e9, course.courseId(), course.examId(), course.quizId(), kind);
        try (NodeSampler nodes = NodeSampler.open(options);
                LoadRun run = new LoadRun(options, course, api, instructor, callbacks, nodes)) {
            if (drill != null) {
                drill.arm(run);
            }
            run.execute();
            System.out.println("Checking the saves ...");
            SetCheck.Result check = SetCheck.run(run);
            Report report = Report.of(kind, run, check, drill == null ? null : drill.outcome(run));
            Path directory = outputDirectory(options, kind);
            String summary = report.write(directory);
            System.out.println();
            System.out.print(summary);
            System.out.println("Report: " + directory.resolve("report.json") + ", " + directory.resolve("summary.txt")
                    + ", " + directory.resolve("plot.png"));
            return report;
        } finally {
            callbacks.shutdownNow();
        }
    }

    private static Path outputDirectory(BenchOptions options, String kind) {
        Path base = options.output().isAbsolute() ? options.output() : Drill.home().resolve(options.output());
        return base.resolve(kind.replace(' ', '-') + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
