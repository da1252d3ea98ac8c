package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where every part of a local cluster lives: its directory and each part's loopback ports. Written to
 * {@code cluster.properties} by {@code up}, so that every later command ({@code status}, {@code stop-node},
 * {@code down}) finds the same parts.
 *
 * @param home          the Lectern installation (the repository root): where the jars are
 * @param base          the cluster's directory ({@code .lectern/cluster}): data, logs, pid files, configuration
 * @param frontPort     HAProxy's port for students, over TLS
 * @param plainPort     HAProxy's plain HTTP port, which only redirects to {@code frontPort}
 * @param statsPort     HAProxy's stats page (TLS, operator password)
 * @param postgresPort  PostgreSQL
 * @param stompPort     the broker's STOMP acceptor
 * @param jmxPort       the broker JVM's remote JMX
 * @param nodes         one entry per node, node-1 first
 */
public record ClusterLayout(Path home, Path base, int frontPort, int plainPort, int statsPort, int postgresPort,
        int stompPort, int jmxPort, List<NodePorts> nodes) {

    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_NODES = 3;
    public static final int DEFAULT_FRONT_PORT = 8443;
    public static final int DEFAULT_PLAIN_PORT = 8000;
    public static final int MAX_NODES = 9;
    private static final String FILE = "cluster.properties";

    /**
     * A node's ports.
     *
     * @param http   its HTTP port (HAProxy's backend server)
     * @param agent  its HAProxy agent-check port
     * @param member its Hazelcast member port
     * @param health its HAProxy health-check port (HTTP, served beside the request path)
     */
    public record NodePorts(int http, int agent, int member, int health) {
    }

    public ClusterLayout {
        nodes = List.copyOf(nodes);
    }

    /**
     * The defaults: students on {@code frontPort} (8443, TLS; plain HTTP on 8000 redirects there), stats on 8404,
     * PostgreSQL on 5433, the broker on 61614 (JMX 1099), node K on HTTP 8100+K, agent 8200+K, health check 8300+K
     * and Hazelcast 5800+K. None is a port {@code ./lectern demo} uses (8080, 5701, 61613), so the demo and the
     * cluster can run side by side.
     */
    public static ClusterLayout defaults(Path home, int nodeCount, int frontPort) {
        List<NodePorts> nodes = IntStream.rangeClosed(1, nodeCount)
                .mapToObj(k -> new NodePorts(8100 + k, 8200 + k, 5800 + k, 8300 + k)).toList();
        return new ClusterLayout(home, home.resolve(".lectern/cluster"), frontPort, DEFAULT_PLAIN_PORT, 8404, 5433,
                61614, 1099, nodes);
    }

    /**
     * The balancer's URL, where students, the benchmark and the drills go: the one place it is spelled. Saved with
     * the layout ({@code front-url}), which is where the benchmark reads it.
     */
    public String frontUrl() {
        return "https://" + HOST + ":" + frontPort;
    }

    /** The plain HTTP URL, which only redirects to {@link #frontUrl()}. */
    public String plainUrl() {
        return "http://" + HOST + ":" + plainPort;
    }

    public String statsUrl() {
        return "https://" + HOST + ":" + statsPort + "/";
    }

    /** The balancer's certificate (PEM), which clients of the local cluster trust; saved as {@code ca-file}. */
    public Path certificate() {
        return base.resolve("tls/certificate.pem");
    }

    /** The certificate and its private key in one PEM file, as HAProxy reads them; owner-only. */
    public Path certificateAndKey() {
        return base.resolve("tls/haproxy.pem");
    }

    /** Node K's name, as the node, HAProxy and the operator call it. */
    public static String nodeName(int k) {
        return "node-" + k;
    }

    public NodePorts node(int k) {
        if (k < 1 || k > nodes.size()) {
            throw new ClusterException("there is no node " + k + ": this cluster has nodes 1 to " + nodes.size());
        }
        return nodes.get(k - 1);
    }

    /**
     * The local ports node K connects to the other members from ({@code lectern.cluster.outbound-ports}): 50 of its
     * own from 20000, below Linux's ephemeral ports, so a packet filter can tell node K's connections apart
     * ({@link Partition}); 50 leave room for reconnections while old ones wait in TIME_WAIT.
     */
    public String outboundPorts(int k) {
        node(k);
        int first = OUTBOUND_PORTS_FROM + OUTBOUND_PORTS_PER_NODE * (k - 1);
        return first + "-" + (first + OUTBOUND_PORTS_PER_NODE - 1);
    }

    private static final int OUTBOUND_PORTS_FROM = 20_000;
    private static final int OUTBOUND_PORTS_PER_NODE = 50;

    public String memberList() {
        return nodes.stream().map(node -> HOST + ":" + node.member()).collect(Collectors.joining(","));
    }

    /** Every port of the cluster with the part that owns it, in start order. */
    public List<String[]> namedPorts() {
        List<String[]> ports = new ArrayList<>();
        ports.add(new String[] {"PostgreSQL", String.valueOf(postgresPort)});
        ports.add(new String[] {"broker STOMP", String.valueOf(stompPort)});
        ports.add(new String[] {"broker JMX", String.valueOf(jmxPort)});
        for (int k = 1; k <= nodes.size(); k++) {
            NodePorts node = nodes.get(k - 1);
            ports.add(new String[] {nodeName(k) + " HTTP", String.valueOf(node.http())});
            ports.add(new String[] {nodeName(k) + " agent", String.valueOf(node.agent())});
            ports.add(new String[] {nodeName(k) + " health", String.valueOf(node.health())});
            ports.add(new String[] {nodeName(k) + " Hazelcast", String.valueOf(node.member())});
        }
        ports.add(new String[] {"HAProxy", String.valueOf(frontPort)});
        ports.add(new String[] {"HAProxy plain HTTP", String.valueOf(plainPort)});
        ports.add(new String[] {"HAProxy stats", String.valueOf(statsPort)});
        return ports;
    }

    public Path logs() {
        return base.resolve("logs");
    }

    public Path nodeJar() {
        return home.resolve("node/target/lectern-node.jar");
    }

    /** This module's jar; its manifest puts the broker's libraries on the class path. */
    public Path toolJar() {
        return home.resolve("packaging/target/lectern-packaging.jar");
    }

    /** The node jar the cluster runs: {@code up} copies {@link #nodeJar()} here. */
    public Path installedNodeJar() {
        return base.resolve("app/lectern-node.jar");
    }

    /** The broker's jar the cluster runs, its libraries in {@code lib/} next to it. */
    public Path installedToolJar() {
        return base.resolve("app/lectern-packaging.jar");
    }

    public boolean saved() {
        return Files.isRegularFile(base.resolve(FILE));
    }

    public void save() {
        Properties properties = new Properties();
        properties.setProperty("home", home.toString());
        properties.setProperty("front-port", String.valueOf(frontPort));
        properties.setProperty("plain-port", String.valueOf(plainPort));
        properties.setProperty("front-url", frontUrl());
        properties.setProperty("ca-file", certificate().toString());
        properties.setProperty("stats-port", String.valueOf(statsPort));
        properties.setProperty("postgres-port", String.valueOf(postgresPort));
        properties.setProperty("stomp-port", String.valueOf(stompPort));
        properties.setProperty("jmx-port", String.valueOf(jmxPort));
        properties.setProperty("nodes", String.valueOf(nodes.size()));
        for (int k = 1; k <= nodes.size(); k++) {
            NodePorts node = nodes.get(k - 1);
            properties.setProperty(nodeName(k),
                    node.http() + "," + node.agent() + "," + node.member() + "," + node.health());
        }
        try {
            Files.createDirectories(base);
            try (Writer out = Files.newBufferedWriter(base.resolve(FILE))) {
                properties.store(out, "Written by ./lectern cluster up; read by every other cluster command");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The layout {@code up} saved in {@code base}. */
    public static ClusterLayout load(Path base) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(base.resolve(FILE))) {
            properties.load(in);
        } catch (IOException e) {
            throw new ClusterException("no cluster in " + base + " (start one with ./lectern cluster up)");
        }
        List<NodePorts> nodes = new ArrayList<>();
        int count = Integer.parseInt(properties.getProperty("nodes"));
        for (int k = 1; k <= count; k++) {
            String[] ports = properties.getProperty(nodeName(k)).split(",");
            // A cluster saved before nodes had a health port has none: 0, which stop and down do not need.
            nodes.add(new NodePorts(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]),
                    Integer.parseInt(ports[2]), ports.length > 3 ? Integer.parseInt(ports[3]) : 0));
        }
        return new ClusterLayout(Path.of(properties.getProperty("home")), base,
                port(properties, "front-port"),
                // A cluster saved before TLS had no plain port: 0, which stop and down do not need.
                Integer.parseInt(properties.getProperty("plain-port", "0")),
                port(properties, "stats-port"), port(properties, "postgres-port"),
                port(properties, "stomp-port"), port(properties, "jmx-port"), nodes);
    }

    private static int port(Properties properties, String key) {
        return Integer.parseInt(properties.getProperty(key));
    }
}
