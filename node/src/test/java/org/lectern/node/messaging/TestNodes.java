package org.lectern.node.messaging;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.lectern.node.LecternNodeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts whole nodes for the real-time tests, each with the demo accounts, on an in-memory database of its own. */
final class TestNodes {

    static final String BROKER_PASSWORD = "realtime-it-broker-secret";

    private TestNodes() {
    }

    static ConfigurableApplicationContext start(String nodeId, Path dataDir, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "lectern.node.id", nodeId,
                "lectern.data-dir", dataDir.resolve(nodeId).toString(),
                "spring.datasource.url", "jdbc:h2:mem:" + nodeId + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "lectern.broker.password", BROKER_PASSWORD,
                "lectern.demo.seed-accounts", "true"));
        properties.putAll(settings);
        // As command-line arguments: they outrank application.yml, as an operator's settings do.
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LecternNodeApplication.class).run(args);
    }

    static int httpPort(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
