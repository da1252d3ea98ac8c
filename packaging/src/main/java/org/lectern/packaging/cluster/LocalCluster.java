package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.lectern.shared.cluster.NodeStatus;

/**
 * A real Lectern cluster on one machine, every part on loopback: PostgreSQL, a standalone ActiveMQ Artemis broker,
 * N nodes sharing one file store, and HAProxy in front. Starts in the order of thesis 4.8.1 (database and broker,
 * then the first node alone, then the others, then the balancer) and stops in the reverse order (4.8.2). This is
 * what {@code ./lectern cluster} runs, and what {@code LocalClusterIT} tests.
 */
public final class LocalCluster {

    /** How long one part may take to become healthy; nodes on a busy two-core machine take the longest. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** A node's graceful shutdown (drain, finish requests, leave the cluster) before it is killed. */
    static final Duration NODE_GRACE = Duration.ofSeconds(45);
    /** Room for several hundred WebSocket sessions per node (384 MB ran out in ./lectern bench). */
    static final String NODE_HEAP = "-Xmx768m";

    private final ClusterLayout layout;
    private final ProcessRegistry processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalCluster(ClusterLayout layout) {
        this.layout = layout;
        this.processes = new ProcessRegistry(layout.base().resolve("run"), layout.logs());
    }

    public ClusterLayout layout() {
        return layout;
    }

    /** Starts every part and waits until each is healthy; on failure stops what it started and says why. */
    public void up(PrintStream out) {
        if (anyRunning()) {
            throw new ClusterException("a cluster is already running in " + layout.base()
                    + " (see ./lectern cluster status, or stop it with ./lectern cluster down)");
        }
        for (String[] port : layout.namedPorts()) {
            if (!free(Integer.parseInt(port[1]))) {
                boolean front = Integer.parseInt(port[1]) == layout.frontPort();
                throw new ClusterException(port[0] + " port " + port[1] + " is busy on " + ClusterLayout.HOST
                        + (front ? " (choose another with --port P)" : " (is another cluster or program using it?)"));
            }
        }
        // Checked after the ports: what is in the way of a cluster is named even before anything is built.
        for (String jar : List.of(layout.nodeJar().toString(), layout.toolJar().toString())) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new ClusterException(jar + " is missing: build with ./mvnw -DskipTests package");
            }
        }
        Path haproxyProgram = SystemPrograms.haproxy().orElseThrow(() -> new ClusterException(
                "HAProxy is missing: install with `" + SystemPrograms.installCommand("haproxy") + "`"));
        Path postgresBin = SystemPrograms.postgresBin().orElseThrow(() -> new ClusterException(
                "PostgreSQL is missing: install with `" + SystemPrograms.installCommand("postgresql") + "`"));
        layout.save();
        try {
            createDirectories(layout.base().resolve("files"));
            installJars();
            Instant started = Instant.now();
            step(out, "PostgreSQL on " + ClusterLayout.HOST + ":" + layout.postgresPort(),
                    () -> postgres(postgresBin).start());
            step(out, "broker (ActiveMQ Artemis) on " + ClusterLayout.HOST + ":" + layout.stompPort(), () -> {
                broker().start();
                await("the broker", broker()::ready, Broker.PART);
            });
            // The first node alone: it migrates the schema and seeds the demo data before anyone else looks.
            step(out, ClusterLayout.nodeName(1) + " on " + ClusterLayout.HOST + ":" + layout.node(1).http(),
                    () -> startNodeAndWait(1));
            if (layout.nodes().size() > 1) {
                String others = layout.nodes().size() == 2 ? ClusterLayout.nodeName(2)
                        : "nodes 2 to " + layout.nodes().size();
                step(out, others, () -> {
                    IntStream.rangeClosed(2, layout.nodes().size()).forEach(this::launchNode);
                    List<CompletableFuture<Void>> ready = IntStream.rangeClosed(2, layout.nodes().size())
                            .mapToObj(k -> CompletableFuture.runAsync(() -> awaitNode(k))).toList();
                    ready.forEach(this::join);
                });
            }
            step(out, "HAProxy on " + ClusterLayout.HOST + ":" + layout.frontPort(), () -> {
                haproxy(haproxyProgram).start();
                await("HAProxy to see every node up", this::allServersUp, Haproxy.PART);
            });
            out.printf(Locale.ROOT, "%nThe cluster is up (%d s).%n", Duration.between(started, Instant.now())
                    .toSeconds());
            printWelcome(out);
        } catch (RuntimeException failed) {
            out.println("Stopping what started...");
            try {
                down(new PrintStream(PrintStream.nullOutputStream()));
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    private void printWelcome(PrintStream out) {
        out.println("  Students:  " + frontUrl() + "   (demo accounts student1 ... student32, password demo)");
        out.println("             TLS with a certificate made for this machine: trust " + layout.certificate()
                + "; " + layout.plainUrl() + " redirects there");
        out.println("  Console:   ./lectern console --address " + layout.memberList() + " --credential-file "
                + operatorCredential() + " --trust-certificate " + layout.certificate());
        out.println("  HAProxy:   " + layout.statsUrl() + " (stats page: user " + Secrets.STATS_USER
                + ", password stats-password in " + layout.base().resolve("secrets.properties") + ")");
        out.println("  Status:    ./lectern cluster status     Logs: ./lectern cluster logs [part]");
        out.println("  Stop:      ./lectern cluster down");
    }

    public String frontUrl() {
        return layout.frontUrl();
    }

    /** Stops every part in the reverse start order; parts that do not run are passed over. */
    public void down(PrintStream out) {
        SystemPrograms.nft().ifPresent(nft -> new Partition(layout).heal());
        stopPart(out, Haproxy.PART, Duration.ofSeconds(10));
        List<CompletableFuture<Void>> nodes = IntStream.rangeClosed(1, layout.nodes().size())
                .mapToObj(k -> CompletableFuture.runAsync(() -> stopPart(out, ClusterLayout.nodeName(k), NODE_GRACE)))
                .toList();
        nodes.forEach(this::join);
        stopPart(out, Broker.PART, Duration.ofSeconds(20));
        SystemPrograms.postgresBin().ifPresent(bin -> {
            if (postgres(bin).stop()) {
                out.println("Stopped postgres");
            }
        });
        List<String> busy = layout.namedPorts().stream().filter(port -> !free(Integer.parseInt(port[1])))
                .map(port -> port[0] + " " + port[1]).toList();
        if (!busy.isEmpty()) {
            throw new ClusterException("stopped, but ports are still in use: " + String.join(", ", busy));
        }
    }

    public void stopNode(int k, PrintStream out) {
        layout.node(k);
        if (!stopPart(out, ClusterLayout.nodeName(k), NODE_GRACE)) {
            out.println(ClusterLayout.nodeName(k) + " is not running");
        }
    }

    /** SIGKILL, as a crash or a pulled cable: no drain, no goodbye to the cluster. */
    public void killNode(int k, PrintStream out) {
        layout.node(k);
        if (processes.kill(ClusterLayout.nodeName(k))) {
            out.println("Killed " + ClusterLayout.nodeName(k) + " (kill -9)");
        } else {
            out.println(ClusterLayout.nodeName(k) + " is not running");
        }
    }

    public void startNode(int k, PrintStream out) {
        layout.node(k);
        if (processes.find(ClusterLayout.nodeName(k)).isPresent()) {
            throw new ClusterException(ClusterLayout.nodeName(k) + " is running already");
        }
        ClusterLayout.NodePorts ports = layout.node(k);
        for (int port : List.of(ports.http(), ports.agent(), ports.member(), ports.health())) {
            if (!free(port)) {
                throw new ClusterException("port " + port + " of " + ClusterLayout.nodeName(k) + " is busy");
            }
        }
        step(out, ClusterLayout.nodeName(k), () -> startNodeAndWait(k));
    }

    public void restartBroker(PrintStream out) {
        stopPart(out, Broker.PART, Duration.ofSeconds(20));
        step(out, "broker", () -> {
            broker().start();
            await("the broker", broker()::ready, Broker.PART);
        });
    }

    /**
     * Stops PostgreSQL (fast), keeps it stopped for {@code down} (an outage, not only a restart, for drills), and
     * starts it again, as the user it runs as; nodes keep running and reconnect.
     */
    public void restartDatabase(Duration down, PrintStream out) {
        Path bin = SystemPrograms.postgresBin().orElseThrow(() -> new ClusterException(
                "PostgreSQL is missing: install with `" + SystemPrograms.installCommand("postgresql") + "`"));
        Postgres postgres = postgres(bin);
        if (postgres.pid().isEmpty()) {
            throw new ClusterException("PostgreSQL is not running (see ./lectern cluster status)");
        }
        Instant stopped = Instant.now();
        out.println("Stopping PostgreSQL (fast: open transactions roll back)...");
        postgres.stop();
        if (!down.isZero()) {
            out.printf(Locale.ROOT, "PostgreSQL stays stopped for %d s%n", down.toSeconds());
            try {
                // The outage itself: nothing to wait for but the time the operator asked for.
                Thread.sleep(down.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while PostgreSQL was stopped; start it with restart-db");
            }
        }
        step(out, "PostgreSQL", postgres::start);
        out.printf(Locale.ROOT, "PostgreSQL was away %.1f s%n", Duration.between(stopped, Instant.now()).toMillis()
                / 1000.0);
    }

    /**
     * Cuts node {@code k} off from the other nodes for {@code cut} ({@link Partition}), then heals; the nodes keep
     * serving students meanwhile. Interrupted (Ctrl-C), it heals before it ends.
     */
    public void partition(int k, Duration cut, PrintStream out) {
        Partition partition = new Partition(layout);
        Thread healOnExit = new Thread(partition::heal);
        partition.cut(k);
        Runtime.getRuntime().addShutdownHook(healOnExit);
        Instant from = Instant.now();
        out.printf(Locale.ROOT, "%s is cut off from the other nodes for %d s (its Hazelcast ports are filtered)%n",
                ClusterLayout.nodeName(k), cut.toSeconds());
        try {
            // The cut itself: nothing to wait for but the time the operator asked for.
            Thread.sleep(cut.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            partition.heal();
            Runtime.getRuntime().removeShutdownHook(healOnExit);
        }
        out.printf(Locale.ROOT, "Healed: %s was cut off %.1f s%n", ClusterLayout.nodeName(k),
                Duration.between(from, Instant.now()).toMillis() / 1000.0);
    }

    /** Removes a cut that an interrupted partition left behind, if there is one. */
    public void heal(PrintStream out) {
        new Partition(layout).heal();
        out.println("No node is cut off");
    }

    /** One line per part and per node, from the parts themselves. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        Optional<Path> postgresBin = SystemPrograms.postgresBin();
        Optional<Long> postgresPid = postgresBin.flatMap(bin -> postgres(bin).pid());
        lines.add(String.format(Locale.ROOT, "%-9s %s", "postgres", postgresPid.isEmpty() ? "STOPPED"
                : (postgres(postgresBin.get()).ready() ? "UP" : "NOT ACCEPTING CONNECTIONS") + "  "
                        + ClusterLayout.HOST + ":" + layout.postgresPort() + "  pid " + postgresPid.get()));
        Optional<ProcessHandle> brokerProcess = processes.find(Broker.PART);
        lines.add(String.format(Locale.ROOT, "%-9s %s", "broker", brokerProcess.isEmpty() ? "STOPPED"
                : broker().describe() + "  " + ClusterLayout.HOST + ":" + layout.stompPort() + "  pid "
                        + brokerProcess.get().pid()));

        boolean anyNode = IntStream.rangeClosed(1, layout.nodes().size())
                .anyMatch(k -> processes.find(ClusterLayout.nodeName(k)).isPresent());
        Map<String, NodeStatus> statuses = anyNode ? ClusterReader.statuses(layout) : Map.of();
        Map<String, Haproxy.ServerState> servers = haproxyServers().orElse(Map.of());
        Map<String, Haproxy.ServerState> sockets = haproxyServers(Haproxy.WEBSOCKETS).orElse(Map.of());
        for (int k = 1; k <= layout.nodes().size(); k++) {
            String name = ClusterLayout.nodeName(k);
            lines.add(nodeLine(k, statuses.get(name), servers.get(name), sockets.get(name)));
        }
        Optional<ProcessHandle> haproxyProcess = processes.find(Haproxy.PART);
        long up = servers.values().stream().filter(Haproxy.ServerState::up).count();
        lines.add(String.format(Locale.ROOT, "%-9s %s", "haproxy", haproxyProcess.isEmpty() ? "STOPPED"
                : (servers.isEmpty() ? "NO ANSWER ON THE STATS SOCKET" : "UP  " + up + "/" + servers.size()
                        + " nodes up") + "  " + frontUrl() + "  stats " + layout.statsUrl() + "  pid "
                        + haproxyProcess.get().pid()));
        return lines;
    }

    /** One node: its own status record, then what HAProxy sees of it on the request and WebSocket backends. */
    private String nodeLine(int k, NodeStatus status, Haproxy.ServerState server, Haproxy.ServerState socket) {
        String name = ClusterLayout.nodeName(k);
        Optional<ProcessHandle> process = processes.find(name);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s ", name));
        if (process.isEmpty()) {
            line.append("STOPPED");
        } else if (status == null) {
            line.append("NO STATUS (starting, or not in the cluster)");
        } else {
            line.append(String.format(Locale.ROOT, "%s  weight %d  sessions %d  users %d  broker %s",
                    status.state(), status.weight(), status.load().webSocketSessions(), status.load().users(),
                    status.brokerConnected() ? "connected" : "DISCONNECTED"));
            if (status.load().heapMaxBytes() > 0) {
                line.append(String.format(Locale.ROOT, "  heap %d/%d MB", status.load().heapUsedBytes() >> 20,
                        status.load().heapMaxBytes() >> 20));
            }
            if (status.schedulerOwner()) {
                line.append("  scheduler");
            }
        }
        if (server != null) {
            line.append(String.format(Locale.ROOT, "  haproxy %s weight %d requests %d", server.status(),
                    server.weight(), server.sessions()));
        }
        if (socket != null) {
            line.append(" websockets ").append(socket.sessions());
        }
        process.ifPresent(handle -> line.append("  pid ").append(handle.pid()));
        return line.toString();
    }

    /** HAProxy's view of the nodes, by server name; empty while HAProxy does not answer. */
    public Optional<Map<String, Haproxy.ServerState>> haproxyServers() {
        return haproxyServers(Haproxy.BACKEND);
    }

    /** What HAProxy thinks of each node in one backend ({@code nodes} or {@code websockets}), by node name. */
    public Optional<Map<String, Haproxy.ServerState>> haproxyServers(String backend) {
        if (processes.find(Haproxy.PART).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(haproxy(SystemPrograms.haproxy().orElse(Path.of("haproxy"))).servers(backend));
        } catch (IOException notAnswering) {
            return Optional.empty();
        }
    }

    /** The log of a part ({@code postgres}, {@code broker}, {@code node-K}, {@code haproxy}). */
    public Path log(String part) {
        if ("postgres".equals(part)) {
            return layout.base().resolve("postgres/postgres.log");
        }
        List<String> parts = new ArrayList<>(List.of(Broker.PART, Haproxy.PART));
        IntStream.rangeClosed(1, layout.nodes().size()).forEach(k -> parts.add(ClusterLayout.nodeName(k)));
        if (!parts.contains(part)) {
            throw new ClusterException("no part '" + part + "': choose postgres, " + String.join(", ", parts));
        }
        return processes.log(part);
    }

    public List<String> parts() {
        List<String> parts = new ArrayList<>(List.of("postgres", Broker.PART));
        IntStream.rangeClosed(1, layout.nodes().size()).forEach(k -> parts.add(ClusterLayout.nodeName(k)));
        parts.add(Haproxy.PART);
        return parts;
    }

    public Optional<ProcessHandle> process(String part) {
        return processes.find(part);
    }

    boolean anyRunning() {
        return parts().stream().filter(part -> !"postgres".equals(part)).anyMatch(part -> processes.find(part)
                .isPresent()) || SystemPrograms.postgresBin().flatMap(bin -> postgres(bin).pid()).isPresent();
    }

    private void startNodeAndWait(int k) {
        launchNode(k);
        awaitNode(k);
    }

    /** The file with the key operator commands are signed with: the nodes check it, the console and drills sign. */
    Path operatorCredential() {
        return layout.base().resolve("operator-credential");
    }

    private void launchNode(int k) {
        Secrets secrets = Secrets.loadOrCreate(layout.base());
        ClusterLayout.NodePorts ports = layout.node(k);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path data = layout.base().resolve("nodes/" + ClusterLayout.nodeName(k));
        List<String> command = new ArrayList<>(List.of(java, NODE_HEAP, "-XX:+UseSerialGC", "-jar",
                layout.installedNodeJar().toString(),
                "--lectern.node.id=" + ClusterLayout.nodeName(k),
                "--lectern.data-dir=" + data,
                "--server.address=" + ClusterLayout.HOST,
                "--server.port=" + ports.http(),
                "--lectern.balancer.agent-port=" + ports.agent(),
                "--lectern.balancer.health-port=" + ports.health(),
                "--lectern.cluster.bind-interface=" + ClusterLayout.HOST,
                "--lectern.cluster.port=" + ports.member(),
                "--lectern.cluster.members=" + layout.memberList(),
                "--lectern.cluster.outbound-ports=" + layout.outboundPorts(k),
                "--spring.datasource.url=" + Postgres.jdbcUrl(layout),
                "--spring.datasource.username=" + Postgres.USER,
                "--lectern.broker.embedded=false",
                "--lectern.broker.addresses=" + ClusterLayout.HOST + ":" + layout.stompPort(),
                "--lectern.broker.user=" + Broker.USER,
                "--lectern.storage.dir=" + layout.base().resolve("files"),
                // One operator credential for every node (the first creates it, owner-only), which the console reads.
                "--lectern.operations.credential-file=" + operatorCredential(),
                // Where the console finds the broker's JMX and HAProxy's stats (the passwords it is typed).
                "--lectern.console.broker-jmx-url=" + Broker.jmxUrl(layout),
                "--lectern.console.balancer-stats=" + layout.statsUrl(),
                "--lectern.console.balancer-stats-user=" + Secrets.STATS_USER,
                "--lectern.demo.seed-accounts=true"));
        // Secrets through the environment, not the command line that `ps` shows everyone.
        processes.start(ClusterLayout.nodeName(k), command, Map.of(
                "SPRING_DATASOURCE_PASSWORD", secrets.databasePassword(),
                "LECTERN_BROKER_PASSWORD", secrets.brokerPassword(),
                "LECTERN_SECURITY_TOKEN_SECRET", secrets.tokenSecret()));
    }

    private void awaitNode(int k) {
        URI readiness = URI.create("http://" + ClusterLayout.HOST + ":" + layout.node(k).http()
                + "/actuator/health/readiness");
        await(ClusterLayout.nodeName(k), () -> answers200(readiness), ClusterLayout.nodeName(k));
    }

    private boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean allServersUp() {
        return haproxyServers().map(servers -> servers.size() == layout.nodes().size()
                && servers.values().stream().allMatch(Haproxy.ServerState::up)).orElse(false);
    }

    private Postgres postgres(Path bin) {
        return new Postgres(layout, bin, () -> Secrets.loadOrCreate(layout.base()));
    }

    private Broker broker() {
        return new Broker(layout, () -> Secrets.loadOrCreate(layout.base()), processes);
    }

    private Haproxy haproxy(Path program) {
        return new Haproxy(layout, program, processes);
    }

    private boolean stopPart(PrintStream out, String part, Duration grace) {
        boolean stopped = processes.stop(part, grace);
        if (stopped) {
            out.println("Stopped " + part);
        }
        return stopped;
    }

    private static void step(PrintStream out, String what, Runnable action) {
        out.println("Starting " + what + "...");
        Instant started = Instant.now();
        action.run();
        out.printf(Locale.ROOT, "  ready (%.1f s)%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Polls until {@code ready}; fails with the end of the part's log when the part's process ends or time runs
     * out. A command-line tool watching other processes has no event to wait on, so it polls.
     */
    private void await(String what, BooleanSupplier ready, String part) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ready.getAsBoolean()) {
            if (processes.find(part).isEmpty()) {
                throw new ClusterException(what + " stopped while starting; the end of " + processes.log(part)
                        + ":\n" + tail(processes.log(part), 25));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ClusterException(what + " was not ready within " + START_TIMEOUT.toSeconds() + " s (see "
                        + processes.log(part) + ")");
            }
            try {
                // Another process's health: no event crosses processes, so it is polled.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (java.util.concurrent.CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    static String tail(Path log, int lines) {
        try {
            if (!Files.isReadable(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the node jar and the broker's jars into the cluster's directory and runs them from there, as a
     * deployment would: a rebuild of the working tree while the cluster runs neither changes a running part's jar
     * under it nor lets {@code start-node} start another version than its peers.
     */
    private void installJars() {
        try {
            Files.createDirectories(layout.installedToolJar().getParent().resolve("lib"));
            Files.copy(layout.nodeJar(), layout.installedNodeJar(), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(layout.toolJar(), layout.installedToolJar(), StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> libraries = Files.list(layout.toolJar().resolveSibling("lib"))) {
                for (Path library : libraries.toList()) {
                    Files.copy(library, layout.installedToolJar().resolveSibling("lib").resolve(library.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new ClusterException("could not copy the jars into " + layout.base() + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(ClusterLayout.HOST), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
