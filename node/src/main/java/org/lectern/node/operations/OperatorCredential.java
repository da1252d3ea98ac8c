package org.lectern.node.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.security.SecretFile;

/**
 * The key operator commands are signed with: configured, or generated once and kept in a file only its owner (the
 * account the node and the operator share) reads, like the token secret.
 */
final class OperatorCredential {

    private OperatorCredential() {
    }

    static byte[] load(OperationsProperties properties) {
        String encoded = properties.credential().isBlank()
                ? readOrCreate(properties.credentialFile())
                : properties.credential();
        try {
            return OperatorSignatures.credentialFromText(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lectern.operations.credential(-file): " + e.getMessage(), e);
        }
    }

    private static String readOrCreate(Path file) {
        try {
            return SecretFile.readOrCreate(file,
                    () -> SecretFile.randomBase64(OperatorSignatures.MIN_CREDENTIAL_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the operator credential " + file, e);
        }
    }
}
