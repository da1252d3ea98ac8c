package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lectern.shared.testing.FreePorts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real node for the tests that extend {@link NodeIntegrationTest} (H2) or {@link PostgresNodeIntegrationTest}
 * (PostgreSQL): embedded Hazelcast member, embedded Artemis broker, the demo accounts, on free loopback ports.
 * Spring caches each of the two contexts, so all tests on one database share one node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestData.class)
public abstract class NodeTestSupport {

    @LocalServerPort
    protected int port;

    protected LecternClient client() {
        return new LecternClient("http://127.0.0.1:" + port);
    }

    /** Registers what every test node needs besides its database, on ports of its own. */
    static void registerNode(DynamicPropertyRegistry registry, String name) {
        int memberPort = FreePorts.next();
        int stompPort = FreePorts.next();
        Path dataDir = temporaryDirectory(name);
        registry.add("lectern.data-dir", dataDir::toString);
        registry.add("lectern.cluster.name", () -> name + "-" + memberPort);
        registry.add("lectern.cluster.port", () -> memberPort);
        registry.add("lectern.cluster.members", () -> "127.0.0.1:" + memberPort);
        registry.add("lectern.broker.stomp-port", () -> stompPort);
        registry.add("lectern.demo.seed-accounts", () -> true);
    }

    private static Path temporaryDirectory(String name) {
        try {
            Path directory = Files.createTempDirectory("lectern-" + name);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
