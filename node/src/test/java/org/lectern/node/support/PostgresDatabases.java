package org.lectern.node.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh databases on the shared {@link PostgresServer}, for tests whose nodes must start on an empty schema (the
 * demo data is seeded only into an empty database) without disturbing the other {@code *PostgresIT} tests.
 */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    /** Creates an empty database named {@code name} and answers its JDBC URL (user and password postgres). */
    public static String create(String name) {
        String serverUrl = PostgresServer.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        int query = serverUrl.indexOf('?');
        String withoutQuery = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name;
    }
}
