package org.lectern.packaging.cluster;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./lectern cluster ...}: a real multi-node cluster on this machine. Run by the launcher as
 * {@code java -jar packaging/target/lectern-packaging.jar COMMAND ...} with {@code LECTERN_HOME} set.
 */
public final class ClusterTool {

    static final String USAGE = """
            Usage: ./lectern cluster <command>
              up [--nodes N] [--port P] [--install]
                             Start PostgreSQL, the broker, N nodes (default 3) and HAProxy on 127.0.0.1
                             (students on https://127.0.0.1:P, default 8443, with a certificate made for
                             this machine; http on 8000 redirects there); --install installs missing
                             haproxy or postgresql with apt first (Debian, Ubuntu)
              status         One line per part and per node, from HAProxy, the cluster and the broker
              stop-node K    Stop node K gracefully       start-node K   Start node K again
              kill-node K    Kill node K (kill -9), for failure drills
              restart-broker Stop and start the broker
              restart-db [--down SECONDS]
                             Stop PostgreSQL (fast shutdown: open transactions roll back), keep it stopped for
                             SECONDS (default 0, up to 600: an outage drill), and start it again
              partition K [--seconds N]
                             Cut node K's cluster traffic off from the other nodes for N seconds (default 90,
                             up to 600), then heal; students still reach it. Needs root and nftables. 90 s
                             outlast the nodes' heartbeat time-out (20 s), so the halves split and merge again
              heal           Remove a cut an interrupted partition left
              down           Stop everything, in reverse start order
              logs [PART]    The end of a part's log (postgres, broker, node-K, haproxy); no PART: where they are""";

    private ClusterTool() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            run(args, home(), out);
        } catch (ClusterException failed) {
            System.err.println("lectern: " + failed.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    static Path home() {
        String home = System.getenv("LECTERN_HOME");
        return Path.of(home == null ? System.getProperty("user.dir") : home).toAbsolutePath().normalize();
    }

    static void run(String[] args, Path home, PrintStream out) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return;
        }
        Path base = home.resolve(".lectern/cluster");
        switch (args[0]) {
            case "up" -> up(args, home, out);
            case "status" -> {
                noMoreArguments(args, 1);
                existing(base).status().forEach(out::println);
            }
            case "stop-node" -> existing(base).stopNode(node(args), out);
            case "start-node" -> existing(base).startNode(node(args), out);
            case "kill-node" -> existing(base).killNode(node(args), out);
            case "restart-broker" -> {
                noMoreArguments(args, 1);
                existing(base).restartBroker(out);
            }
            case "restart-db" -> {
                Duration down = downFor(args);
                existing(base).restartDatabase(down, out);
            }
            case "partition" -> {
                if (args.length < 2) {
                    throw new ClusterException("partition needs the node's number, e.g. ./lectern cluster partition 2");
                }
                int k = number(args, 1, "partition", 1, ClusterLayout.MAX_NODES);
                Duration cut = cutFor(args);
                existing(base).partition(k, cut, out);
            }
            case "heal" -> {
                noMoreArguments(args, 1);
                existing(base).heal(out);
            }
            case "down" -> {
                noMoreArguments(args, 1);
                existing(base).down(out);
                out.println("The cluster is down; its data stays in .lectern/cluster (delete it to start afresh).");
            }
            case "logs" -> logs(existing(base), args, out);
            default -> throw new ClusterException("unknown cluster command '" + args[0]
                    + "' (see ./lectern cluster help)");
        }
    }

    private static void up(String[] args, Path home, PrintStream out) {
        int nodes = ClusterLayout.DEFAULT_NODES;
        int port = ClusterLayout.DEFAULT_FRONT_PORT;
        boolean install = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = number(args, ++i, "--nodes", 1, ClusterLayout.MAX_NODES);
                case "--port" -> port = number(args, ++i, "--port", 1, 65535);
                case "--install" -> install = true;
                default -> throw new ClusterException("unknown option for cluster up: '" + args[i]
                        + "' (see ./lectern cluster help)");
            }
        }
        if (port == ClusterLayout.DEFAULT_PLAIN_PORT) {
            throw new ClusterException("--port " + port + " is the plain HTTP port that redirects to the TLS one;"
                    + " choose another");
        }
        SystemPrograms.requireAll(install);
        ClusterLayout layout = ClusterLayout.defaults(home, nodes, port);
        // A cluster started before with other options is found through the layout it saved.
        if (layout.saved() && new LocalCluster(ClusterLayout.load(layout.base())).anyRunning()) {
            throw new ClusterException("a cluster is already running in " + layout.base()
                    + " (see ./lectern cluster status, or stop it with ./lectern cluster down)");
        }
        // Every part runs in a session of its own, so Ctrl-C stops the tool but not what it started.
        Thread interrupted = new Thread(() -> System.err.println("\nlectern: interrupted; the parts started so far"
                + " keep running: ./lectern cluster status shows them, ./lectern cluster down stops them"));
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            new LocalCluster(layout).up(out);
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
    }

    private static void logs(LocalCluster cluster, String[] args, PrintStream out) {
        if (args.length == 1) {
            for (String part : cluster.parts()) {
                out.printf("%-9s %s%n", part, cluster.log(part));
            }
            return;
        }
        noMoreArguments(args, 2);
        Path log = cluster.log(args[1]);
        if (!Files.isReadable(log)) {
            throw new ClusterException("no log for " + args[1] + " yet (" + log + ")");
        }
        out.println("==> " + log + " <==");
        out.println(LocalCluster.tail(log, 100));
    }

    private static LocalCluster existing(Path base) {
        return new LocalCluster(ClusterLayout.load(base));
    }

    /** How long {@code restart-db} keeps the database stopped: {@code --down SECONDS}, or no time at all. */
    private static Duration downFor(String[] args) {
        if (args.length == 1) {
            return Duration.ZERO;
        }
        if (!"--down".equals(args[1])) {
            throw new ClusterException("unexpected argument '" + args[1] + "' for cluster restart-db");
        }
        int seconds = number(args, 2, "--down", 0, 600);
        noMoreArguments(args, 3);
        return Duration.ofSeconds(seconds);
    }

    /** How long {@code partition K} keeps the node cut off: {@code --seconds N}, or 90 s. */
    static Duration cutFor(String[] args) {
        if (args.length <= 2) {
            return DEFAULT_CUT;
        }
        if (!"--seconds".equals(args[2])) {
            throw new ClusterException("unexpected argument '" + args[2] + "' for cluster partition");
        }
        int seconds = number(args, 3, "--seconds", 1, 600);
        noMoreArguments(args, 4);
        return Duration.ofSeconds(seconds);
    }

    /**
     * Well past the nodes' heartbeat time-out ({@code lectern.cluster.heartbeat-timeout}, 20 s), so the others
     * declare the node gone and the split lasts a while: a real split, not a stall.
     */
    static final Duration DEFAULT_CUT = Duration.ofSeconds(90);

    private static int node(String[] args) {
        if (args.length != 2) {
            throw new ClusterException(args[0] + " needs the node's number, e.g. ./lectern cluster " + args[0] + " 2");
        }
        return number(args, 1, args[0], 1, ClusterLayout.MAX_NODES);
    }

    private static int number(String[] args, int index, String option, int min, int max) {
        if (index >= args.length) {
            throw new ClusterException(option + " needs a number");
        }
        String value = args[index];
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new ClusterException(option + " needs a number from " + min + " to " + max + ", got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static void noMoreArguments(String[] args, int expected) {
        if (args.length > expected) {
            throw new ClusterException("unexpected argument '" + args[expected] + "' for cluster " + args[0]);
        }
    }
}
