package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerCredentialsTest {

    @Test
    void shouldUseTheConfiguredPassword() {
        assertThat(BrokerCredentials.from(properties(false, "s3cret")))
                .isEqualTo(new BrokerCredentials("lectern", "s3cret"));
    }

    @Test
    void shouldInventARandomPasswordForAnEmbeddedBrokerWhenNoneIsConfigured() {
        BrokerCredentials first = BrokerCredentials.from(properties(true, ""));
        BrokerCredentials second = BrokerCredentials.from(properties(true, ""));

        assertThat(first.password()).isNotBlank().isNotEqualTo(second.password());
    }

    @Test
    void shouldRefuseToStartWithoutAPasswordForAnExternalBroker() {
        assertThatIllegalStateException()
                .isThrownBy(() -> BrokerCredentials.from(properties(false, " ")))
                .withMessageContaining("lectern.broker.password");
    }

    private static BrokerProperties properties(boolean embedded, String password) {
        return new BrokerProperties(embedded, "127.0.0.1", 61613, "lectern", password, Path.of("broker"), List.of());
    }
}
