package org.lectern.node.messaging;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.lectern.node.support.TestNodes;

/**
 * A real ActiveMQ Artemis broker that tests start, stop and restart on their own, as an operator's external broker:
 * configured exactly like a node's embedded one, which is what an external broker mirrors.
 */
final class ExternalBroker {

    private ExternalBroker() {
    }

    static EmbeddedActiveMQ start(int stompPort, Path dataDir) throws Exception {
        BrokerProperties properties = new BrokerProperties(true, "127.0.0.1", stompPort, "lectern",
                TestNodes.BROKER_PASSWORD, dataDir, List.of());
        EmbeddedActiveMQ broker = new EmbeddedBrokerConfiguration()
                .embeddedBroker(properties, BrokerCredentials.from(properties));
        broker.start();
        return broker;
    }
}
