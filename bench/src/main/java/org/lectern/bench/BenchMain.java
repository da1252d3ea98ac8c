package org.lectern.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * {@code ./lectern bench exam [options]} and {@code ./lectern drill NAME [options]}: set up, run the exam-day load,
 * check the saves, write the report; {@code ./lectern bench bcrypt} times the password hash on this machine. Exit
 * status 0; 1 for a refused command line or a failed set-up; 2 when a drill's set check found a lost, unexpected or
 * duplicated save.
 */
public final class BenchMain {

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
                                + "broker-restart, db-restart or owner-loss");
                    }
                    Drill.Name name = Drill.Name.of(list.remove(0));
                    Drill.Settings settings = Drill.Settings.parse(list);
                    BenchOptions options = BenchOptions.parse(list, drillDefaults());
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
            System.err.println("lectern: no Lectern node answers at the URL (" + unreachable.getCause() + ")");
            System.exit(1);
        }
    }

    /**
     * Drills run a little longer by default, so that the fault falls into a held load and recovery shows, and go to
     * the local cluster's balancer, whose URL and certificate {@code ./lectern cluster up} saved.
     */
    static BenchOptions drillDefaults() {
        BenchOptions d = BenchOptions.parse(List.of("--students", "300", "--minutes", "4"), BenchOptions.defaults());
        return Tls.LocalClusterFile.read()
                .map(cluster -> BenchOptions.parse(List.of("--url", cluster.frontUrl().toString()), d))
                .orElse(d);
    }

    /** Everything of one run; answers the report written under {@code options.output()}. */
    public static Report run(String kind, BenchOptions options, Drill drill) throws Exception {
        ExecutorService callbacks = LoadRun.callbackPool(options.threads());
        Api api = new Api(options.url(), callbacks, RetryPolicy.DEFAULT, Tls.context(options).orElse(null));
        System.out.printf("Setting up %d students on %s ...%n", options.students(), options.url());
        long setupStart = System.nanoTime();
        Setup.BenchCourse course = new Setup(api, options).prepare();
        System.out.printf("Set up in %.1f s: course %d, exam %d, quiz %d. Running %s ...%n",
                (System.nanoTime() - setupStart) / 1e9, course.courseId(), course.examId(), course.quizId(), kind);
        try (NodeSampler nodes = NodeSampler.open(options);
                LoadRun run = new LoadRun(options, course, api, callbacks, nodes)) {
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
