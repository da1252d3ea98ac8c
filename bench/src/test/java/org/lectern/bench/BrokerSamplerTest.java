package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.shared.testing.FreePorts;

/**
 * The sampler against a real JMX connector of this JVM, where a stand-in MBean plays the broker (the broker itself
 * is measured in the cluster runs).
 */
class BrokerSamplerTest {

    /** What the sampler reads of an Artemis broker: its connection count. */
    public interface StandInMBean {
        int getConnectionCount();
    }

    public static final class StandIn implements StandInMBean {
        volatile int connections = 3;

        @Override
        public int getConnectionCount() {
            return connections;
        }
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name = new ObjectName("org.apache.activemq.artemis:broker=\"bench-test\"");
    private final StandIn broker = new StandIn();
    private Registry registry;
    private JMXConnectorServer connector;
    private String address;

    BrokerSamplerTest() throws Exception {
    }

    @BeforeEach
    void exposeTheStandIn() throws Exception {
        server.registerMBean(broker, name);
        int port = FreePorts.next();
        registry = LocateRegistry.createRegistry(port);
        address = "127.0.0.1:" + port;
        connector = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi"), null, server);
        connector.start();
    }

    @AfterEach
    void stop() throws Exception {
        connector.stop();
        UnicastRemoteObject.unexportObject(registry, true);
        server.unregisterMBean(name);
    }

    @Test
    void shouldReportThePeakAndLastConnectionCountWithTheBrokerHeap() {
        try (BrokerSampler sampler = new BrokerSampler(address)) {
            sampler.sample(5);
            broker.connections = 4;
            sampler.sample(10);
            broker.connections = 3;
            sampler.sample(15);

            Report.Broker summary = sampler.summary().orElseThrow();

            assertThat(summary.connectionsPeak()).isEqualTo(4);
            assertThat(summary.connectionsAtEnd()).isEqualTo(3);
            assertThat(summary.heapMaxUsedMb()).isPositive();
            assertThat(summary.source()).isEqualTo(address);
        }
    }

    @Test
    void shouldReportNothingWhenNoBrokerAnswers() throws Exception {
        int closed = FreePorts.next();
        try (BrokerSampler sampler = new BrokerSampler("127.0.0.1:" + closed)) {
            sampler.sample(5);

            assertThat(sampler.summary()).isEmpty();
        }
    }
}
