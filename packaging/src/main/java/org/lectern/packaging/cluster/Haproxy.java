package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * HAProxy in front of the nodes: its configuration (rendered from {@code haproxy.cfg} next to this class), its
 * process, and its runtime API on the stats socket, which is where {@code status} and the tests read what HAProxy
 * thinks of each node. It ends TLS with the cluster's certificate ({@link ClusterTls}).
 */
final class Haproxy {

    static final String PART = "haproxy";
    /** The backend of plain HTTP requests, with a queue and a request limit per node. */
    static final String BACKEND = "nodes";
    /** The backend of password checks: a few per node at once, the rest queued in arrival order. */
    static final String LOGINS = "logins";
    /** The backend of WebSocket connections: one per open browser, for the whole exam. */
    static final String WEBSOCKETS = "websockets";

    private final ClusterLayout layout;
    private final Path program;
    private final ProcessRegistry processes;

    Haproxy(ClusterLayout layout, Path program, ProcessRegistry processes) {
        this.layout = layout;
        this.program = program;
        this.processes = processes;
    }

    Path config() {
        return layout.base().resolve("haproxy/haproxy.cfg");
    }

    Path socket() {
        return layout.base().resolve("haproxy/admin.sock");
    }

    void start() {
        ClusterTls.ensureCertificate(layout);
        try {
            Files.createDirectories(config().getParent());
            // Owner-only: the configuration holds the stats page's password.
            Files.deleteIfExists(config());
            Files.createFile(config(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(config(), render());
            Files.deleteIfExists(socket());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check();
        // -db: stay in the foreground, so that the pid recorded is HAProxy's own.
        processes.start(PART, List.of(program.toString(), "-db", "-f", config().toString()), Map.of());
    }

    String render() {
        if (socket().toString().length() > 100) {
            throw new ClusterException("the cluster's directory path is too long for HAProxy's stats socket ("
                    + socket() + "): use a shorter one");
        }
        StringBuilder servers = new StringBuilder();
        for (int k = 1; k <= layout.nodes().size(); k++) {
            ClusterLayout.NodePorts node = layout.node(k);
            servers.append("    server ").append(ClusterLayout.nodeName(k)).append(' ').append(ClusterLayout.HOST)
                    .append(':').append(node.http()).append(" check port ").append(node.health())
                    .append(" agent-check agent-port ").append(node.agent())
                    .append('\n');
        }
        return Broker.template("haproxy.cfg")
                .replace("{{SOCKET}}", socket().toString())
                .replace("{{CERTIFICATE}}", layout.certificateAndKey().toString())
                .replace("{{STATS_USER}}", Secrets.STATS_USER)
                .replace("{{STATS_PASSWORD}}", Secrets.loadOrCreate(layout.base()).statsPassword())
                .replace("{{HOST}}", ClusterLayout.HOST)
                .replace("{{FRONT_PORT}}", String.valueOf(layout.frontPort()))
                .replace("{{PLAIN_PORT}}", String.valueOf(layout.plainPort()))
                .replace("{{STATS_PORT}}", String.valueOf(layout.statsPort()))
                .replace("{{SERVERS}}", servers.toString().stripTrailing());
    }

    /** {@code haproxy -c}: a configuration HAProxy refuses is reported before anything starts. */
    private void check() {
        try {
            Process process = new ProcessBuilder(program.toString(), "-c", "-q", "-f", config().toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ClusterException("HAProxy refuses " + config() + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new ClusterException("could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted", e);
        }
    }

    /** One command on the runtime API; its answer. */
    String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code show stat} of the nodes' request backend: one row per server, by server name (node-1 …). */
    Map<String, ServerState> servers() throws IOException {
        return servers(BACKEND);
    }

    /** {@code show stat} of one backend ({@link #BACKEND}, {@link #LOGINS}, {@link #WEBSOCKETS}): a row per server. */
    Map<String, ServerState> servers(String backend) throws IOException {
        return servers(command("show stat"), backend);
    }

    /**
     * The rows of {@code backend} in {@code show stat}'s CSV. It starts with {@code # } before the column names and
     * ends every line with a comma, which gives a last column without a name.
     */
    static Map<String, ServerState> servers(String csv, String backend) throws IOException {
        if (!csv.startsWith("# ")) {
            throw new IOException("unexpected answer to show stat: " + csv);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .get();
        Map<String, ServerState> servers = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(csv.substring(2), format)) {
            for (CSVRecord record : parser) {
                Map<String, String> row = record.toMap();
                String server = row.get("svname");
                if (backend.equals(row.get("pxname")) && !"BACKEND".equals(server) && !"FRONTEND".equals(server)) {
                    servers.put(server, new ServerState(server, row.get("status"), parse(row.get("weight")),
                            parse(row.get("scur")), row.getOrDefault("check_status", ""),
                            row.getOrDefault("agent_status", "")));
                }
            }
        } catch (UncheckedIOException e) {
            throw new IOException("unreadable answer to show stat: " + e.getMessage(), e);
        }
        return servers;
    }

    private static int parse(String number) {
        return number == null || number.isEmpty() ? 0 : Integer.parseInt(number);
    }

    /**
     * A node as HAProxy sees it.
     *
     * @param name        the server's name (node-K)
     * @param status      UP, DOWN, DRAIN, MAINT, or a transition such as "UP 1/2"
     * @param weight      its effective weight (the agent changes it)
     * @param sessions    connections it carries now
     * @param checkStatus the last health check's result (L7OK, L4CON …)
     * @param agentStatus the last agent check's result
     */
    record ServerState(String name, String status, int weight, int sessions, String checkStatus,
            String agentStatus) {

        boolean up() {
            return "UP".equals(status);
        }

        boolean down() {
            return status.startsWith("DOWN");
        }
    }
}
