package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSecretTest {

    @TempDir
    Path directory;

    @Test
    void shouldUseTheConfiguredSecret() {
        byte[] bytes = new byte[32];
        bytes[0] = 7;

        SecretKey key = TokenSecret.load(properties(Base64.getEncoder().encodeToString(bytes)));

        assertThat(key.getEncoded()).isEqualTo(bytes);
    }

    @Test
    void shouldCreateASecretFileOnlyItsOwnerReadsAndReuseItOnTheNextStart() throws Exception {
        SecretKey first = TokenSecret.load(properties(""));
        SecretKey second = TokenSecret.load(properties(""));

        assertThat(second.getEncoded()).isEqualTo(first.getEncoded()).hasSize(TokenSecret.MIN_BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile()))).isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseASecretShorterThan32Bytes() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TokenSecret.load(properties(Base64.getEncoder().encodeToString(new byte[16]))))
                .withMessageContaining("at least 32 bytes");
    }

    @Test
    void shouldRefuseASecretThatIsNotBase64() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TokenSecret.load(properties("not base64 !!")))
                .withMessageContaining("not valid base64");
    }

    private Path secretFile() {
        return directory.resolve("nested").resolve("token-secret");
    }

    private SecurityProperties properties(String secret) {
        return new SecurityProperties(secret, secretFile(), Duration.ofHours(1), List.of("127.0.0.1"),
                new SecurityProperties.LoginAttempts(5, 20, Duration.ofMinutes(1), 1000));
    }
}
