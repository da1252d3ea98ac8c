package org.lectern.node.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for all {@code *PostgresIT} tests of a JVM, started on first use on a free loopback
 * port from the PostgreSQL binaries on Maven Central, and stopped when the JVM exits.
 */
public final class PostgresServer {

    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgres-stop"));
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
