package org.lectern.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.console.connection.ConnectionSettings;

class CommandLineTest {

    @Test
    void shouldAskForClusterWhenNoAddressIsGiven() {
        CommandLine commandLine = CommandLine.parse(List.of("--cluster", "exam"));

        assertThat(commandLine.settings()).isEmpty();
        assertThat(commandLine.cluster()).contains("exam");
    }

    @Test
    void shouldConnectToDefaultClusterWhenOnlyAddressIsGiven() {
        assertThat(CommandLine.parse(List.of("--address", "10.0.0.1:5701")).settings())
                .contains(ConnectionSettings.parse("10.0.0.1:5701", "lectern"));
    }

    @Test
    void shouldAcceptBothFormsWhenValuesFollowOrUseEquals() {
        assertThat(CommandLine.parse(List.of("--address=10.0.0.1:5701,10.0.0.2:5701", "--cluster", "exam")).settings())
                .contains(ConnectionSettings.parse("10.0.0.1:5701, 10.0.0.2:5701", "exam"));
    }

    @Test
    void shouldTakeTheOperatorItsCredentialAndTheCertificateToTrust() {
        CommandLine commandLine = CommandLine.parse(List.of("--operator", "olga", "--credential-file", "/run/credential",
                "--trust-certificate=/run/cluster.pem"));

        assertThat(commandLine.operator()).contains("olga");
        assertThat(commandLine.credentialFile()).contains("/run/credential");
        assertThat(commandLine.trustCertificate()).contains("/run/cluster.pem");
    }

    @Test
    void shouldRejectWhenOptionIsUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(List.of("--port", "5701")))
                .withMessage("unknown option --port");
    }

    @Test
    void shouldRejectWhenValueIsMissing() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(List.of("--address")))
                .withMessage("--address needs a value");
    }

    @Test
    void shouldRejectWhenAddressIsInvalid() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(List.of("--address", "host:abc")));
    }
}
