package org.lectern.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.console.support.ContractNode;
import org.lectern.console.support.Screenshots;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.operations.SignedValue;
import org.lectern.shared.testing.FreePorts;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The broker view against a real embedded Artemis broker read over JMX, its address published by a member. */
class BrokerViewIT {

    private static final String QUEUE = "exam.answers";

    private final String clusterName = "console-broker-" + UUID.randomUUID();
    private final FxRobot robot = new FxRobot();
    private EmbeddedActiveMQ broker;
    private Registry registry;
    private JMXConnectorServer jmx;
    private ContractNode node;
    private Application console;

    @TempDir
    Path brokerDirectory;

    @TempDir
    Path credentials;

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
        }
        FxToolkit.cleanupStages();
        if (node != null) {
            node.close();
        }
        if (jmx != null) {
            jmx.stop();
        }
        if (registry != null) {
            UnicastRemoteObject.unexportObject(registry, true);
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void shouldShowQueueMessageCountReadOverJmx() throws Exception {
        startBroker();
        sendMessages(3);
        int jmxPort = FreePorts.next();
        registry = LocateRegistry.createRegistry(jmxPort);
        String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi";
        jmx = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL(url), null,
                ManagementFactory.getPlatformMBeanServer());
        jmx.start();

        int port = FreePorts.next();
        node = new ContractNode(clusterName, "node-a", port, port, ConsoleOperationsIT.SECRET, NodeLoad.IDLE);
        // Signed as a node signs it: the console uses nothing else from this map.
        node.member().<String, SignedValue>getMap(ClusterStructures.PUBLISHED_CONFIG).set(
                ClusterStructures.BROKER_JMX_URL, OperatorSignatures.signValue(ClusterStructures.PUBLISHED_CONFIG,
                        ClusterStructures.BROKER_JMX_URL, url, System.currentTimeMillis(),
                        OperatorSignatures.credentialFromText(ConsoleOperationsIT.SECRET)));
        Path credential = Files.writeString(credentials.resolve("operator-credential"), ConsoleOperationsIT.SECRET);
        console = FxToolkit.setupApplication(LecternConsoleApp.class, "--address", "127.0.0.1:" + port,
                "--cluster", clusterName, "--operator", "olga", "--credential-file", credential.toString());
        FxToolkit.showStage();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            robot.push(new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.SHORTCUT_DOWN));
            List<String> cells = cellTexts("#queues-table");
            assertThat(cells).containsSequence(QUEUE, QUEUE, "ANYCAST", "3", "0", "0");
            assertThat(labelText("#broker-overview")).startsWith("Artemis 2.55.0 (console-test), up").contains("live");
        });
        Screenshots.save(robot.lookup("#views").query().getScene(), "broker");
    }

    private void startBroker() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("console-test");
        config.setBrokerInstance(brokerDirectory.toFile());
        config.setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(true);
        config.addAcceptorConfiguration("in-vm", "vm://0");
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        broker.getActiveMQServer().createQueue(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST)
                .setDurable(false));
    }

    private static void sendMessages(int count) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("vm://0");
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession();
             ClientProducer producer = session.createProducer(QUEUE)) {
            for (int i = 0; i < count; i++) {
                ClientMessage message = session.createMessage(false);
                message.getBodyBuffer().writeString("answer " + i);
                producer.send(message);
            }
        }
    }

    private List<String> cellTexts(String table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(table + " .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText())
                .filter(Objects::nonNull)
                .toList()).get();
    }

    private String labelText(String id) throws Exception {
        Labeled label = robot.lookup(id).queryLabeled();
        return WaitForAsyncUtils.asyncFx(label::getText).get();
    }
}
