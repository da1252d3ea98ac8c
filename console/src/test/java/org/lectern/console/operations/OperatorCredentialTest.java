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

    /** Base64 of the 32 bytes "0123456789abcdef0123456789abcdef", as a node writes its credential file. */
    private static final String BASE64 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void shouldReadTheKeyAsTheNodesDoFromTheFileWithItsFinalNewline() throws Exception {
        Path file = directory.resolve("credential");
        Files.writeString(file, BASE64 + "\n");

        OperatorCredential credential = OperatorCredential.fromFile("olga", file);

        assertThat(credential.secret())
                .isEqualTo("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(credential).hasToString("OperatorCredential[olga]");
    }

    @Test
    void shouldRefuseASecretThatIsNotBase64OrTooShort() {
        assertThatIllegalArgumentException().isThrownBy(() -> OperatorCredential.fromSecret("olga", "not base64!"))
                .withMessageContaining("not base64");
        assertThatIllegalArgumentException().isThrownBy(() -> OperatorCredential.fromSecret("olga", "c2hvcnQ="))
                .withMessageContaining("at least 32 bytes");
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
