package org.lectern.node.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A real node on H2 in memory, shared by every test that extends this class. */
public abstract class NodeIntegrationTest extends NodeTestSupport {

    @DynamicPropertySource
    static void nodeOnH2(DynamicPropertyRegistry registry) {
        registerNode(registry, "node-it");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:node-it;DB_CLOSE_DELAY=-1");
    }
}
