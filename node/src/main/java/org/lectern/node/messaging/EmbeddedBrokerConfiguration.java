package org.lectern.node.messaging;

import java.util.Set;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * An ActiveMQ Artemis broker inside the node, for a single machine. It is the same broker a cluster runs
 * standalone, reached the same way (STOMP over TCP), so one code path serves one node and many.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lectern.broker.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedBrokerConfiguration {

    private static final String NODE_ROLE = "lectern-node";

    /** Started when created, so it listens before the node's first connection attempt. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedActiveMQ embeddedBroker(BrokerProperties properties, BrokerCredentials credentials) throws Exception {
        Configuration config = new ConfigurationImpl();
        config.setName("lectern-embedded");
        config.setBrokerInstance(properties.dataDir().toFile());
        config.setPersistenceEnabled(false) // relay traffic is transient; nothing on it must outlive the node
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(true)
                .addAcceptorConfiguration("stomp", "tcp://" + properties.host() + ":" + properties.stompPort()
                        + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
        config.putSecurityRoles("#", Set.of(allPermissions(NODE_ROLE)));
        // Relay traffic is live and transient: an undeliverable or expired message is dropped, not parked.
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setAutoCreateDeadLetterResources(false)
                .setAutoCreateExpiryResources(false));

        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(credentials.user(), credentials.password());
        users.addRole(credentials.user(), NODE_ROLE);

        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        return broker;
    }

    /** The nodes are the broker's only users: they send, consume, create and delete whatever the relay needs. */
    private static Role allPermissions(String name) {
        boolean send = true, consume = true, createAddress = true, deleteAddress = true;
        boolean createDurableQueue = true, deleteDurableQueue = true;
        boolean createNonDurableQueue = true, deleteNonDurableQueue = true;
        boolean manage = true, browse = true, view = true, edit = true;
        return new Role(name, send, consume, createAddress, deleteAddress, createDurableQueue, deleteDurableQueue,
                createNonDurableQueue, deleteNonDurableQueue, manage, browse, view, edit);
    }
}
