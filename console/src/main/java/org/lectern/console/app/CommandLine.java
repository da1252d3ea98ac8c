package org.lectern.console.app;

import java.util.List;
import java.util.Optional;
import org.lectern.console.connection.ConnectionSettings;
import org.lectern.shared.cluster.ClusterStructures;

/**
 * {@code [--address host:port[,host:port…]] [--cluster NAME] [--operator NAME] [--credential-file PATH]
 * [--trust-certificate PATH]}. With an address the console connects at once; without one it asks, prefilled with
 * {@code --cluster} if given. With a credential file it signs commands as the operator (default: the user's login
 * name). With a certificate file, HTTPS (HAProxy's stats page) trusts only the certificates in it, not the system's:
 * a local cluster's self-signed one.
 */
record CommandLine(Optional<String> address, Optional<String> cluster, Optional<String> operator,
        Optional<String> credentialFile, Optional<String> trustCertificate) {

    static final String USAGE = "usage: java -jar lectern-console.jar [--address host:port[,host:port...]] [--cluster NAME]"
            + " [--operator NAME] [--credential-file PATH] [--trust-certificate PATH]";

    /** @throws IllegalArgumentException when the arguments make no sense; the message says why */
    static CommandLine parse(List<String> args) {
        Optional<String> address = Optional.empty();
        Optional<String> cluster = Optional.empty();
        Optional<String> operator = Optional.empty();
        Optional<String> credentialFile = Optional.empty();
        Optional<String> trustCertificate = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (option) {
                case "--address" -> address = Optional.of(value);
                case "--cluster" -> cluster = Optional.of(value);
                case "--operator" -> operator = Optional.of(value);
                case "--credential-file" -> credentialFile = Optional.of(value);
                case "--trust-certificate" -> trustCertificate = Optional.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        CommandLine commandLine = new CommandLine(address, cluster, operator, credentialFile, trustCertificate);
        commandLine.settings();
        return commandLine;
    }

    /** What to connect to straight away: present only when an address was given. */
    Optional<ConnectionSettings> settings() {
        return address.map(text -> ConnectionSettings.parse(text, cluster.orElse(ClusterStructures.DEFAULT_CLUSTER_NAME)));
    }
}
