package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One real node for the tests that extend this class: embedded Hazelcast member, embedded Artemis broker, H2 in
 * memory, the demo accounts, on free loopback ports. Spring caches the context, so all such tests share one node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NodeIntegrationTest {

    private static final int MEMBER_PORT = FreePorts.next();
    private static final int STOMP_PORT = FreePorts.next();
    private static final Path DATA_DIR = temporaryDataDirectory();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void nodeProperties(DynamicPropertyRegistry registry) {
        registry.add("lectern.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:node-it;DB_CLOSE_DELAY=-1");
        registry.add("lectern.cluster.name", () -> "node-it-" + MEMBER_PORT);
        registry.add("lectern.cluster.port", () -> MEMBER_PORT);
        registry.add("lectern.cluster.members", () -> "127.0.0.1:" + MEMBER_PORT);
        registry.add("lectern.broker.stomp-port", () -> STOMP_PORT);
        registry.add("lectern.demo.seed-accounts", () -> true);
    }

    protected LecternClient client() {
        return new LecternClient("http://127.0.0.1:" + port);
    }

    private static Path temporaryDataDirectory() {
        try {
            Path directory = Files.createTempDirectory("lectern-node-it");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
