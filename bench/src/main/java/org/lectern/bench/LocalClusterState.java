package org.lectern.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./lectern cluster up} wrote about the local cluster it started ({@code .lectern/cluster}): the
 * balancer's URL and certificate, each node's ports, PostgreSQL's port and password, the broker's JMX port. A drill reads it so
 * that it needs no option to find the cluster. The files' format is the cluster tool's ({@code ClusterLayout},
 * {@code Secrets} in the packaging module); a test here pins the keys it reads.
 *
 * @param frontUrl         HAProxy's URL for students (https)
 * @param caFile           the certificate HAProxy serves, which the load trusts
 * @param memberPorts      each node's Hazelcast member port, node-1 first
 * @param postgresPort     the cluster's PostgreSQL
 * @param databasePassword the password of PostgreSQL user {@code lectern}
 * @param jmxPort          the broker JVM's JMX
 */
record LocalClusterState(URI frontUrl, Path caFile, List<Integer> memberPorts, int postgresPort, String databasePassword,
        int jmxPort) {

    static final String HOST = "127.0.0.1";
    static final String DATABASE_USER = "lectern";

    /** The cluster {@code ./lectern cluster up} saved under {@code home}, if there is one. */
    static Optional<LocalClusterState> read(Path home) {
        Path base = home.resolve(".lectern/cluster");
        Path layoutFile = base.resolve("cluster.properties");
        if (!Files.isRegularFile(layoutFile)) {
            return Optional.empty();
        }
        Properties layout = load(layoutFile);
        Properties secrets = load(base.resolve("secrets.properties"));
        List<Integer> members = new ArrayList<>();
        int nodes = number(layout, "nodes");
        for (int k = 1; k <= nodes; k++) {
            // node-K = http,agent,member,health
            members.add(Integer.parseInt(required(layout, "node-" + k).split(",")[2].trim()));
        }
        return Optional.of(new LocalClusterState(URI.create(required(layout, "front-url")),
                Path.of(required(layout, "ca-file")), List.copyOf(members),
                number(layout, "postgres-port"), required(secrets, "database-password"), number(layout, "jmx-port")));
    }

    /** The load's defaults pointed at this cluster: balancer, status records, database set check, broker JMX. */
    BenchOptions applyTo(BenchOptions base) {
        return BenchOptions.parse(List.of(
                "--url", frontUrl.toString(),
                "--hazelcast", HOST + ":" + memberPorts.get(0),
                "--jdbc", "jdbc:postgresql://" + HOST + ":" + postgresPort + "/lectern",
                "--jdbc-user", DATABASE_USER,
                "--jdbc-password", databasePassword,
                "--broker-jmx", HOST + ":" + jmxPort), base);
    }

    int nodes() {
        return memberPorts.size();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the local cluster's files lack '" + key + "' (start it again with "
                    + "./lectern cluster down and up)");
        }
        return value.trim();
    }

    private static int number(Properties properties, String key) {
        return Integer.parseInt(required(properties, key));
    }
}
