package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The local cluster's message broker: the artemis-server the node embeds, as its own JVM
 * ({@code org.lectern.packaging.broker.BrokerMain}) from an instance directory {@code broker/etc} written here, with
 * the STOMP acceptor and remote JMX on loopback.
 */
final class Broker {

    static final String PART = "broker";
    static final String USER = "lectern";
    static final String NAME = "lectern-broker";
    private static final String NODE_ROLE = "lectern-node";

    private final ClusterLayout layout;
    /** Made on first use only: looking at a cluster must not create its secrets. */
    private final Supplier<Secrets> secrets;
    private final ProcessRegistry processes;

    Broker(ClusterLayout layout, Supplier<Secrets> secrets, ProcessRegistry processes) {
        this.layout = layout;
        this.secrets = secrets;
        this.processes = processes;
    }

    Path etc() {
        return layout.base().resolve("broker/etc");
    }

    void start() {
        writeInstance();
        String java = ProcessHandle.current().info().command().orElse("java");
        // Every student's STOMP session is a broker connection (the nodes relay them one to one): 256 MB ran out of
        // heap at about 700 sessions in the benchmark.
        processes.start(PART, List.of(java, "-Xmx1g", "-XX:+UseSerialGC",
                "-Dcom.sun.management.jmxremote.port=" + layout.jmxPort(),
                "-Dcom.sun.management.jmxremote.rmi.port=" + layout.jmxPort(),
                "-Dcom.sun.management.jmxremote.host=" + ClusterLayout.HOST,
                "-Djava.rmi.server.hostname=" + ClusterLayout.HOST,
                // Loopback only, on the operator's own machine; packaging/config/broker shows JMX with a password.
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                // Artemis's audit loggers write a line for every message sent, delivered and acknowledged and for
                // every JMX read: 1.3 GB in a day of benchmarks, written by the threads that deliver. Artemis's own
                // distribution ships them off too; security failures still log through the server's logger.
                "-Dorg.slf4j.simpleLogger.log.org.apache.activemq.audit=off",
                "-cp", layout.installedToolJar().toString(), "org.lectern.packaging.broker.BrokerMain", etc().toString()),
                Map.of());
    }

    /** True once the broker accepts a STOMP login as the nodes' user: what the nodes need of it. */
    boolean ready() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ClusterLayout.HOST, layout.stompPort()), 2000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT\naccept-version:1.2\nhost:" + ClusterLayout.HOST + "\nlogin:" + USER + "\npasscode:"
                    + secrets.get().brokerPassword() + "\n\n\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] command = in.readNBytes("CONNECTED".length());
            return "CONNECTED".equals(new String(command, StandardCharsets.UTF_8));
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The broker JVM's JMX service URL, which the nodes publish for consoles. */
    static String jmxUrl(ClusterLayout layout) {
        return "service:jmx:rmi:///jndi/rmi://" + ClusterLayout.HOST + ":" + layout.jmxPort() + "/jmxrmi";
    }

    /** What the broker says about itself over JMX: version and STOMP connections. */
    String describe() {
        JMXServiceURL url;
        try {
            url = new JMXServiceURL(jmxUrl(layout));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName broker = new ObjectName("org.apache.activemq.artemis:broker=\"" + NAME + "\"");
            boolean active = (Boolean) server.getAttribute(broker, "Active");
            return (active ? "UP" : "NOT ACTIVE") + "  version " + server.getAttribute(broker, "Version")
                    + "  connections " + server.getAttribute(broker, "ConnectionCount")
                    + "  addresses " + ((String[]) server.getAttribute(broker, "AddressNames")).length;
        } catch (IOException unreachable) {
            return "DOWN (JMX " + ClusterLayout.HOST + ":" + layout.jmxPort() + " unreachable)";
        } catch (Exception e) {
            return "UNKNOWN (JMX: " + e.getMessage() + ")";
        }
    }

    private void writeInstance() {
        try {
            Files.createDirectories(etc());
            Path data = layout.base().resolve("broker/data");
            Files.createDirectories(data);
            Files.writeString(etc().resolve("broker.xml"), template("broker.xml")
                    .replace("{{DATA_DIR}}", data.toString())
                    .replace("{{HOST}}", ClusterLayout.HOST)
                    .replace("{{STOMP_PORT}}", String.valueOf(layout.stompPort())));
            Files.writeString(etc().resolve("login.config"), template("login.config"));
            Path users = etc().resolve("users.properties");
            Files.writeString(users, USER + " = " + secrets.get().brokerPassword() + "\n");
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(etc().resolve("roles.properties"), NODE_ROLE + " = " + USER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String template(String name) {
        try (InputStream in = Broker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
