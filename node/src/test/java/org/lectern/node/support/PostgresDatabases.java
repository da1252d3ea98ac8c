package org.lectern.node.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Fresh, empty databases on the one {@link PostgresServer} of the JVM, for tests whose nodes must share a database
 * with no one else (several nodes of one cluster, and none of another test's).
 */
public final class PostgresDatabases {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private PostgresDatabases() {
    }

    /** Creates database {@code name} (lower-case letters, digits, underscores) and returns its JDBC URL. */
    public static String create(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        String serverUrl = PostgresServer.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        // The server's URL names the database "postgres" right before its parameters.
        return serverUrl.replaceFirst("/postgres\\?", "/" + name + "?");
    }
}
