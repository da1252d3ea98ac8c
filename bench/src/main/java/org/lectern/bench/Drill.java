package org.lectern.bench;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;

/**
 * A fault performed on the local cluster while the exam load runs, through the cluster tool's own commands
 * ({@code ./lectern cluster kill-node K}, {@code stop-node}, {@code start-node}, {@code restart-broker},
 * {@code restart-db}, {@code partition}) and signed operator commands ({@link OperatorSignatures}) for draining. The run then ends in
 * the set check; the outcome adds what the fault did to the sessions and whether it was over before the hand-in.
 */
public final class Drill {

    /** How long db-restart keeps PostgreSQL stopped: the outage exam day must ride out (issue 15), not a blink. */
    static final Duration DATABASE_OUTAGE = Duration.ofSeconds(60);

    /** How long partition cuts the node off: past the heartbeat time-out, so the cluster really splits. */
    static final Duration PARTITION_CUT = Duration.ofSeconds(90);

    /** The drills, by their command-line names. */
    public enum Name {
        KILL_NODE("kill-node", Duration.ofMinutes(4), null),
        // Three drains, stops and starts of about two to three minutes each on a busy two-core machine, from 30 s
        // into the hold, then a minute and more to judge recovery before the hand-in.
        DRAIN_ROLLING("drain-rolling", Duration.ofMinutes(11), Duration.ofSeconds(30)),
        BROKER_RESTART("broker-restart", Duration.ofMinutes(4), null),
        DB_RESTART("db-restart", Duration.ofMinutes(4), null),
        // The cut (90 s) outlasts the nodes' heartbeat time-out (20 s), then the halves merge within the merge
        // interval (10 s): a third into a five-minute hold leaves about two minutes to judge the recovery.
        PARTITION("partition", Duration.ofMinutes(5), null),
        OWNER_LOSS("owner-loss", Duration.ofMinutes(4), null);

        private final String cli;
        private final Duration defaultHold;
        private final Duration defaultFaultAt;

        Name(String cli, Duration defaultHold, Duration defaultFaultAt) {
            this.cli = cli;
            this.defaultHold = defaultHold;
            this.defaultFaultAt = defaultFaultAt;
        }

        public String cli() {
            return cli;
        }

        /** How long the load holds by default: long enough for the fault and its recovery to be judged. */
        public Duration defaultHold() {
            return defaultHold;
        }

        public static Name of(String cli) {
            for (Name name : values()) {
                if (name.cli.equals(cli)) {
                    return name;
                }
            }
            throw new BenchOptions.BadOption("unknown drill '" + cli + "' (kill-node, drain-rolling, broker-restart,"
                    + " db-restart, partition, owner-loss)");
        }
    }

    /**
     * @param node          the node a single-node fault hits (kill-node)
     * @param nodes         how many nodes the cluster has (drain-rolling goes through all)
     * @param faultAt       when the fault comes, after the ramp (null: the drill's default, else a third into the
     *                      hold)
     * @param credentialFile the operator credential that signs drain commands
     * @param operator      the name the commands are signed with
     */
    public record Settings(int node, int nodes, Duration faultAt, Path credentialFile, String operator) {

        static Settings defaults(int nodes) {
            return new Settings(1, nodes, null, home().resolve(".lectern/cluster/operator-credential"),
                    "bench-drill");
        }

        /** Takes the drill's own options out of {@code args}; the rest are the load's. */
        static Settings parse(List<String> args, int clusterNodes) {
            Settings s = defaults(clusterNodes);
            for (int i = 0; i < args.size() - 1; ) {
                String name = args.get(i);
                String value = args.get(i + 1);
                Settings next = switch (name) {
                    case "--node" -> new Settings(number(name, value, 1, 99), s.nodes, s.faultAt, s.credentialFile,
                            s.operator);
                    case "--nodes" -> new Settings(s.node, number(name, value, 1, 99), s.faultAt, s.credentialFile,
                            s.operator);
                    case "--fault-at-seconds" -> new Settings(s.node, s.nodes,
                            Duration.ofSeconds(number(name, value, 0, 36_000)), s.credentialFile, s.operator);
                    case "--operator-credential" -> new Settings(s.node, s.nodes, s.faultAt, Path.of(value),
                            s.operator);
                    default -> null;
                };
                if (next == null) {
                    i += 2;
                } else {
                    s = next;
                    args.remove(i);
                    args.remove(i);
                }
            }
            return s;
        }

        private static int number(String name, String value, int min, int max) {
            if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
                throw new BenchOptions.BadOption(name + " needs a whole number from " + min + " to " + max + ", got '"
                        + value + "'");
            }
            return Integer.parseInt(value);
        }
    }

    /**
     * @param recoverySeconds from the fault until the generator held as many sessions as before it (0: none were
     *                        dropped; null: not within the run)
     * @param faultOverSeconds when the fault's last step ended, in the run's seconds (null: it never ended)
     * @param handInSeconds    when the hold ended and the students handed in
     */
    public record Outcome(String name, List<String> steps, int sessionsBefore, int sessionsLowest,
            Double recoverySeconds, boolean faultDone, Double faultOverSeconds, double handInSeconds) {

        /** Whether the fault, and so its recovery, was over while the load still held: otherwise it is not judged. */
        public boolean overBeforeHandIn() {
            return faultOverSeconds != null && faultOverSeconds <= handInSeconds;
        }

        public String line() {
            return String.format(Locale.ROOT, "Drill %s: %s, %s; sessions %d before, %d at the lowest, recovered %s",
                    name, faultDone ? "fault done" : "FAULT NOT DONE (see steps)", overBeforeHandIn()
                            ? String.format(Locale.ROOT, "over at %.1f s, before the hand-in at %.1f s",
                                    faultOverSeconds, handInSeconds)
                            : String.format(Locale.ROOT, "NOT OVER BEFORE THE HAND-IN at %.1f s (not judged: raise "
                                    + "--minutes)", handInSeconds),
                    sessionsBefore, sessionsLowest,
                    recoverySeconds == null ? "NOT within the run" : "in " + recoverySeconds + " s")
                    + System.lineSeparator() + "  steps: " + String.join(System.lineSeparator() + "         ", steps);
        }
    }

    private final Name name;
    private final Settings settings;
    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> faultTimes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean faultDone;
    private volatile Double faultOverSeconds;
    private Thread worker;

    public Drill(Name name, Settings settings) {
        this.name = name;
        this.settings = settings;
    }

    /** Where the repository is: {@code LECTERN_HOME} (set by ./lectern), else the working directory. */
    static Path home() {
        String home = System.getenv("LECTERN_HOME");
        if (home == null) {
            home = System.getProperty("lectern.home", ".");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    /** Starts the fault's own thread, which waits for its moment in the run. */
    public void arm(LoadRun run) {
        worker = new Thread(() -> {
            try {
                perform(run);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | IOException failed) {
                step(run, "failed: " + failed);
            }
        }, "bench-drill");
        worker.setDaemon(true);
        worker.start();
    }

    private void perform(LoadRun run) throws InterruptedException, IOException {
        Duration after = settings.faultAt() != null ? settings.faultAt() : name.defaultFaultAt;
        double faultAt = name == Name.OWNER_LOSS
                ? run.quizEndSeconds() - 3
                : run.rampEndSeconds() + (after != null ? after.toSeconds()
                        : (run.holdEndSeconds() - run.rampEndSeconds()) / 3);
        waitUntil(run, faultAt);
        switch (name) {
            case KILL_NODE -> faultDone = tool(run, "cluster", "kill-node", String.valueOf(settings.node()));
            case BROKER_RESTART -> faultDone = tool(run, "cluster", "restart-broker");
            case DB_RESTART -> faultDone = tool(run, "cluster", "restart-db", "--down",
                    String.valueOf(DATABASE_OUTAGE.toSeconds()));
            case PARTITION -> faultDone = tool(run, "cluster", "partition", String.valueOf(settings.node()),
                    "--seconds", String.valueOf(PARTITION_CUT.toSeconds()));
            case OWNER_LOSS -> {
                String owner = run.lastNodeSample().values().stream().filter(NodeSampler.Sample::schedulerOwner)
                        .map(NodeSampler.Sample::nodeId).findFirst().orElse(null);
                if (owner == null) {
                    step(run, "no node reports owning the scheduler (is --hazelcast reaching the cluster?)");
                } else {
                    faultDone = tool(run, "cluster", "kill-node", owner.replaceAll("\\D", ""));
                }
            }
            case DRAIN_ROLLING -> faultDone = drainRolling(run);
        }
        faultOverSeconds = run.elapsedSeconds();
    }

    private boolean drainRolling(LoadRun run) throws InterruptedException, IOException {
        if (!(run.nodes() instanceof NodeSampler.FromCluster cluster)) {
            step(run, "drain-rolling needs the cluster (--hazelcast HOST:PORT) to send operator commands");
            return false;
        }
        byte[] credential = OperatorSignatures.credentialFromText(
                Files.readString(settings.credentialFile(), StandardCharsets.UTF_8));
        boolean all = true;
        for (int k = 1; k <= settings.nodes(); k++) {
            String node = "node-" + k;
            all &= order(run, cluster.client(), CommandKind.DRAIN, node, credential);
            all &= awaitState(run, cluster.client(), node, s -> s.state().name().equals("DRAINED"),
                    Duration.ofMinutes(3));
            all &= tool(run, "cluster", "stop-node", String.valueOf(k));
            all &= tool(run, "cluster", "start-node", String.valueOf(k));
            all &= awaitState(run, cluster.client(), node, s -> true, Duration.ofMinutes(3));
            all &= order(run, cluster.client(), CommandKind.UNDRAIN, node, credential);
            all &= awaitState(run, cluster.client(), node, s -> s.state().name().equals("READY"),
                    Duration.ofMinutes(1));
        }
        return all;
    }

    private boolean order(LoadRun run, HazelcastInstance client, CommandKind kind, String node, byte[] credential) {
        OperatorCommand command = OperatorSignatures.sign(kind, node, "", settings.operator(),
                System.currentTimeMillis(), credential);
        client.getMap(ClusterStructures.OPERATOR_COMMANDS).put(command.commandId(), command);
        step(run, kind + " " + node + " ordered (command " + command.commandId() + ")");
        return true;
    }

    private boolean awaitState(LoadRun run, HazelcastInstance client, String node, Predicate<NodeStatus> wanted,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, NodeStatus> statuses = client.getMap(ClusterStructures.NODE_STATUS);
        while (System.nanoTime() < deadline) {
            NodeStatus status = statuses.get(node);
            if (status != null && wanted.test(status)) {
                step(run, node + " is " + status.state());
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling the status map, which nodes renew every 2 s
        }
        step(run, node + " did not reach the state within " + limit.toSeconds() + " s");
        return false;
    }

    private boolean tool(LoadRun run, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home().resolve("lectern").toString());
        command.addAll(List.of(args));
        return command(run, command);
    }

    private boolean command(LoadRun run, List<String> command) throws IOException, InterruptedException {
        faultTimes.add(run.elapsedSeconds());
        run.mark(String.join(" ", command.subList(Math.min(1, command.size() - 1), command.size())));
        Process process = new ProcessBuilder(command).directory(home().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean done = process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
        step(run, String.join(" ", command) + " → " + (done ? "ok" : "FAILED") + (output.isEmpty() ? ""
                : ": " + output.lines().reduce((a, b) -> b).orElse("")));
        return done;
    }

    private void step(LoadRun run, String what) {
        String line = String.format(Locale.ROOT, "%.1f s %s", run.elapsedSeconds(), what);
        steps.add(line);
        System.out.println("drill: " + line);
    }

    private static void waitUntil(LoadRun run, double seconds) throws InterruptedException {
        long wait = (long) ((seconds - run.elapsedSeconds()) * 1000);
        if (wait > 0) {
            TimeUnit.MILLISECONDS.sleep(wait); // the drill thread has nothing else to do until its moment
        }
    }

    /** After the run: what the fault did to the sessions, from the generator's per-second count. */
    public Outcome outcome(LoadRun run) throws InterruptedException {
        if (worker != null) {
            worker.join(TimeUnit.MINUTES.toMillis(1));
        }
        List<Integer> held = run.sessionsPerSecond();
        List<Double> faults = List.copyOf(faultTimes);
        Double over = faultOverSeconds;
        double handIn = run.holdEndSeconds();
        if (faults.isEmpty() || held.isEmpty()) {
            return new Outcome(name.cli(), List.copyOf(steps), 0, 0, null, faultDone, over, handIn);
        }
        int first = Math.min(held.size() - 1, (int) Math.floor(faults.get(0)));
        int before = held.get(Math.max(0, first - 1));
        int end = Math.min(held.size(), (int) Math.ceil(run.holdEndSeconds()));
        int lowest = before;
        int dropped = -1;
        for (int i = first; i < end; i++) {
            if (held.get(i) < lowest) {
                lowest = held.get(i);
            }
            if (dropped < 0 && held.get(i) < before) {
                dropped = i;
            }
        }
        Double recovery = 0.0;
        if (dropped >= 0) {
            recovery = null;
            int lastFault = (int) Math.floor(faults.get(faults.size() - 1));
            for (int i = Math.max(dropped, lastFault); i < end; i++) {
                if (held.get(i) >= before) {
                    recovery = Report.round(i + 1 - faults.get(faults.size() - 1));
                    break;
                }
            }
        }
        return new Outcome(name.cli(), List.copyOf(steps), before, lowest, recovery, faultDone, over, handIn);
    }
}
