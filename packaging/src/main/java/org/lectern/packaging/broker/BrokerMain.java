package org.lectern.packaging.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;

/**
 * A standalone ActiveMQ Artemis broker in its own JVM: the artemis-server version the node embeds, configured from
 * an instance directory laid out like the Artemis distribution's {@code etc/}: {@code broker.xml} and a JAAS
 * {@code login.config} (domain {@code activemq}) with its users and roles files. SIGTERM stops it cleanly.
 *
 * <p>Usage: {@code java -cp lectern-packaging.jar org.lectern.packaging.broker.BrokerMain ETC_DIR}.
 */
public final class BrokerMain {

    /** The JAAS domain the distribution's {@code bootstrap.xml} uses too, so one {@code login.config} serves both. */
    static final String JAAS_DOMAIN = "activemq";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain ETC_DIR (holding broker.xml and login.config)");
            System.exit(64);
        }
        Path etc = Path.of(args[0]).toAbsolutePath();
        Path brokerXml = etc.resolve("broker.xml");
        Path loginConfig = etc.resolve("login.config");
        for (Path required : new Path[] {brokerXml, loginConfig}) {
            if (!Files.isReadable(required)) {
                System.err.println("broker: cannot read " + required);
                System.exit(1);
            }
        }
        System.setProperty("java.security.auth.login.config", loginConfig.toString());

        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfigResourcePath(brokerXml.toUri().toString());
        broker.setSecurityManager(new ActiveMQJAASSecurityManager(JAAS_DOMAIN));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception failed) {
                System.err.println("broker: stopping failed: " + failed);
            }
            stopped.countDown();
        }, "broker-stop"));
        broker.start();
        System.out.println("broker: started from " + brokerXml);
        stopped.await();
    }
}
