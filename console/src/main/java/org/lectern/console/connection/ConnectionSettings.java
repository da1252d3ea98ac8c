package org.lectern.console.connection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lectern.shared.cluster.ClusterStructures;

/**
 * Which cluster to join and where to find it.
 *
 * @param addresses   member addresses, {@code host:port}, at least one
 * @param clusterName the Hazelcast cluster name
 */
public record ConnectionSettings(List<String> addresses, String clusterName) {

    public static final String DEFAULT_ADDRESS = "127.0.0.1:" + ClusterStructures.DEFAULT_MEMBER_PORT;

    public static final ConnectionSettings DEFAULTS =
            new ConnectionSettings(List.of(DEFAULT_ADDRESS), ClusterStructures.DEFAULT_CLUSTER_NAME);

    public ConnectionSettings {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("Enter at least one address");
        }
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("Enter the cluster name");
        }
        clusterName = clusterName.strip();
    }

    /**
     * Reads what an operator types: addresses separated by commas, each {@code host} or {@code host:port}.
     *
     * @throws IllegalArgumentException with a message fit to show the operator
     */
    public static ConnectionSettings parse(String addressText, String clusterName) {
        return new ConnectionSettings(parseAddresses(addressText), clusterName);
    }

    /** The addresses as the operator would type them. */
    public String addressText() {
        return String.join(", ", addresses);
    }

    /** For the status bar and the list of recent clusters, e.g. {@code lectern at 127.0.0.1:5701}. */
    public String describe() {
        return clusterName + " at " + addressText();
    }

    private static List<String> parseAddresses(String text) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String entry : (text == null ? "" : text).split(",")) {
            if (!entry.isBlank()) {
                addresses.add(parseAddress(entry.strip()));
            }
        }
        return List.copyOf(addresses);
    }

    private static String parseAddress(String entry) {
        int colon = entry.lastIndexOf(':');
        String host = colon < 0 ? entry : entry.substring(0, colon);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Address '" + entry + "' has no host");
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':')) {
            throw new IllegalArgumentException("Address '" + entry + "' is not host:port");
        }
        if (colon < 0) {
            return entry + ":" + ClusterStructures.DEFAULT_MEMBER_PORT;
        }
        return host + ":" + parsePort(entry, entry.substring(colon + 1));
    }

    private static int parsePort(String entry, String portText) {
        String problem = "Port in '" + entry + "' must be a number from 1 to 65535";
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(problem);
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(problem);
        }
        return port;
    }
}
