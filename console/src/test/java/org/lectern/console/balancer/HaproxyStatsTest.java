package org.lectern.console.balancer;

import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A certificate file the console cannot use is said so, by name, when the stats page is read. */
class HaproxyStatsTest {

    @TempDir
    Path directory;

    @Test
    void shouldSayWhichFileHoldsNoCertificateWhenTheTrustedFileIsEmpty() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "");

        assertThatIOException().isThrownBy(() -> stats(empty).read("https://127.0.0.1:9/", "", ""))
                .withMessage("no certificate in " + empty);
    }

    @Test
    void shouldSayTheCertificatesCannotBeUsedWhenTheTrustedFileIsNotPem() throws Exception {
        Path garbage = Files.writeString(directory.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");

        assertThatIOException().isThrownBy(() -> stats(garbage).read("https://127.0.0.1:9/", "", ""))
                .withMessageStartingWith("cannot use the certificates in " + garbage);
    }

    @Test
    void shouldSayWhichFileIsMissingWhenTheTrustedFileDoesNotExist() {
        Path missing = directory.resolve("missing.pem");

        assertThatIOException().isThrownBy(() -> stats(missing).read("https://127.0.0.1:9/", "", ""))
                .withMessage("cannot read the certificate file " + missing);
    }

    private static HaproxyStats stats(Path trusted) {
        return new HaproxyStats(HaproxyStats.httpClient(), Optional.of(trusted));
    }
}
