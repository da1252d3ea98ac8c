package org.lectern.node.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingIT extends NodeIntegrationTest {

    @Autowired
    private UserDirectory users;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Test
    void shouldStoreABcryptHashWhenAUserIsCreated() {
        String login = TestData.unique("hashed");

        users.create(login, "Hashed User", "correct horse", false);

        String stored = users.loadUserByUsername(login).getPassword();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("correct horse");
        assertThat(passwordEncoder.matches("correct horse", stored)).isTrue();
        assertThat(passwordEncoder.matches("wrong horse", stored)).isFalse();
    }
}
