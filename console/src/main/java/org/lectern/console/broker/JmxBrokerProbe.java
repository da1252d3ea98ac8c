package org.lectern.console.broker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads ActiveMQ Artemis over JMX by its MBean names and attribute names, so the console needs no Artemis jar.
 * Connects for each read: a read every few seconds costs little, and a broken connection heals by itself. The
 * RMI timeouts are set once by the composition root ({@code sun.rmi.transport.*}).
 */
public final class JmxBrokerProbe implements BrokerProbe {

    private static final String DOMAIN = "org.apache.activemq.artemis";

    @Override
    public BrokerSnapshot read(String jmxUrl, String user, String password) throws IOException, JMException {
        Map<String, Object> environment = new HashMap<>();
        if (user != null && !user.isBlank()) {
            environment.put(JMXConnector.CREDENTIALS, new String[] {user, password == null ? "" : password});
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl), environment)) {
            return read(connector.getMBeanServerConnection());
        }
    }

    static BrokerSnapshot read(MBeanServerConnection server) throws IOException, JMException {
        Set<ObjectName> brokers = server.queryNames(new ObjectName(DOMAIN + ":broker=*"), null);
        if (brokers.isEmpty()) {
            throw new JMException("No ActiveMQ Artemis broker at this JMX address");
        }
        ObjectName broker = brokers.iterator().next();
        Map<String, Object> attributes = attributes(server, broker, "Version", "Uptime", "Backup", "ReplicaSync",
                "ConnectionCount", "AddressMemoryUsage", "GlobalMaxSize");
        String brokerKey = broker.getKeyProperty("broker");
        List<AddressRow> addresses = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName(DOMAIN + ":broker=" + brokerKey
                + ",component=addresses,address=*"), null)) {
            Map<String, Object> address = attributes(server, name, "Address", "NumberOfMessages", "AddressSize", "Paging");
            addresses.add(new AddressRow(text(address.get("Address")), number(address.get("NumberOfMessages")),
                    number(address.get("AddressSize")), Boolean.TRUE.equals(address.get("Paging"))));
        }
        List<QueueRow> queues = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName(DOMAIN + ":broker=" + brokerKey
                + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*"), null)) {
            Map<String, Object> queue = attributes(server, name, "Address", "Name", "RoutingType", "MessageCount",
                    "ConsumerCount", "DeliveringCount");
            queues.add(new QueueRow(text(queue.get("Address")), text(queue.get("Name")), text(queue.get("RoutingType")),
                    number(queue.get("MessageCount")), (int) number(queue.get("ConsumerCount")),
                    (int) number(queue.get("DeliveringCount"))));
        }
        addresses.sort(Comparator.comparing(AddressRow::address));
        queues.sort(Comparator.comparing(QueueRow::address).thenComparing(QueueRow::queue));
        return new BrokerSnapshot(ObjectName.unquote(brokerKey), text(attributes.get("Version")),
                text(attributes.get("Uptime")), Boolean.TRUE.equals(attributes.get("Backup")),
                Boolean.TRUE.equals(attributes.get("ReplicaSync")), (int) number(attributes.get("ConnectionCount")),
                number(attributes.get("AddressMemoryUsage")), number(attributes.get("GlobalMaxSize")), addresses, queues);
    }

    /** The attributes the MBean has; ones a broker version lacks are simply absent. */
    private static Map<String, Object> attributes(MBeanServerConnection server, ObjectName name, String... wanted)
            throws IOException, JMException {
        AttributeList list = server.getAttributes(name, wanted);
        Map<String, Object> values = new HashMap<>();
        for (Attribute attribute : list.asList()) {
            values.put(attribute.getName(), attribute.getValue());
        }
        return values;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
