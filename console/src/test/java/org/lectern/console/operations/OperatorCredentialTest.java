package org.lectern.console.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorCredentialTest {

    @TempDir
    Path directory;

    @Test
    void shouldReadFileWithoutItsFinalNewline() throws Exception {
        Path file = directory.resolve("credential");
        Files.writeString(file, "secret\n");

        OperatorCredential credential = OperatorCredential.fromFile("olga", file);

        assertThat(credential.secret()).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
        assertThat(credential).hasToString("OperatorCredential[olga]");
    }

    @Test
    void shouldRefuseMissingOrEmptyFile() throws Exception {
        Path empty = directory.resolve("empty");
        Files.writeString(empty, "\n");

        assertThatIllegalArgumentException().isThrownBy(() -> OperatorCredential.fromFile("olga", directory.resolve("none")))
                .withMessageStartingWith("No credential file at");
        assertThatIllegalArgumentException().isThrownBy(() -> OperatorCredential.fromFile("olga", empty))
                .withMessageEndingWith("is empty");
    }

    @Test
    void shouldRefuseBlankOperatorOrSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> OperatorCredential.fromSecret(" ", "s"))
                .withMessage("Enter the operator's name");
        assertThatIllegalArgumentException().isThrownBy(() -> OperatorCredential.fromSecret("olga", " "));
    }
}
