package org.lectern.node.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real node on a real PostgreSQL, shared by every test that extends this class: the same migrations and flows
 * must hold on the database a cluster runs, and the same assertions must pass. Subclasses are named {@code *PostgresIT}; a flow written once as a
 * test interface runs on both databases by implementing it in an {@code *IT} and a {@code *PostgresIT} class.
 */
public abstract class PostgresNodeIntegrationTest extends NodeTestSupport {

    @DynamicPropertySource
    static void nodeOnPostgres(DynamicPropertyRegistry registry) {
        registerNode(registry, "node-postgres-it");
        registry.add("spring.datasource.url", PostgresServer::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
