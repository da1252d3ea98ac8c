package org.lectern.bench;

import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads the message broker's own figures over JMX while the load runs: its connection count (what the node-level
 * relay keeps constant), heap and CPU. The local cluster's standalone broker exposes JMX on loopback
 * ({@code ./lectern cluster up}); a node's embedded broker has no JMX port, and the report then says so.
 */
final class BrokerSampler implements AutoCloseable {

    /** One reading of the broker. */
    record Sample(double seconds, int connections, double cpu, long heapUsedBytes, long heapMaxBytes) {
    }

    private final String address;
    private final List<Sample> samples = new ArrayList<>();
    private JMXConnector connector;
    private boolean unreachable;

    /** @param address {@code host:port} of the broker JVM's JMX, or null for none */
    BrokerSampler(String address) {
        this.address = address;
    }

    /** Takes one reading at {@code seconds} into the run; nothing while the broker cannot be reached. */
    synchronized void sample(double seconds) {
        if (address == null) {
            return;
        }
        try {
            MBeanServerConnection server = connection();
            ObjectName broker = server.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*"), null)
                    .stream().filter(name -> name.getKeyPropertyList().size() == 1).findFirst()
                    .orElseThrow(() -> new IOException("no Artemis broker MBean"));
            int connections = ((Number) server.getAttribute(broker, "ConnectionCount")).intValue();
            MemoryUsage heap = MemoryUsage.from((CompositeData) server.getAttribute(
                    new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage"));
            double cpu = ((Number) server.getAttribute(new ObjectName("java.lang:type=OperatingSystem"),
                    "ProcessCpuLoad")).doubleValue();
            samples.add(new Sample(seconds, connections, cpu, heap.getUsed(), heap.getMax()));
            unreachable = false;
        } catch (Exception e) { // the broker restarts in a drill, or there is none: the next reading tells
            if (!unreachable) {
                System.err.println("bench: broker JMX at " + address + " not readable (" + e.getMessage() + ")");
            }
            unreachable = true;
            closeQuietly();
        }
    }

    /** The run's broker figures; empty if it was never read. */
    synchronized Optional<Report.Broker> summary() {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Report.Broker(address,
                samples.stream().mapToInt(Sample::connections).max().orElse(0),
                samples.get(samples.size() - 1).connections(),
                Report.round(samples.stream().mapToDouble(Sample::cpu).filter(c -> c >= 0).average().orElse(-1)),
                Report.round(samples.stream().mapToDouble(Sample::cpu).max().orElse(-1)),
                Report.round(samples.stream().mapToLong(Sample::heapUsedBytes).max().orElse(0) / 1e6),
                Report.round(samples.stream().mapToLong(Sample::heapMaxBytes).max().orElse(0) / 1e6)));
    }

    private MBeanServerConnection connection() throws IOException {
        if (connector == null) {
            JMXServiceURL url;
            try {
                url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi");
            } catch (MalformedURLException e) {
                throw new IOException(e);
            }
            connector = JMXConnectorFactory.connect(url);
        }
        return connector.getMBeanServerConnection();
    }

    private void closeQuietly() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException ignored) { // it is being dropped because it failed
            }
            connector = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
