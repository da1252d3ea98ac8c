package org.lectern.node.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.lectern.shared.operations.OperatorSignatures;

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
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[OperatorSignatures.MIN_CREDENTIAL_BYTES];
                new SecureRandom().nextBytes(random);
                String encoded = Base64.getEncoder().encodeToString(random);
                try {
                    Files.createFile(file,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, encoded, StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another node sharing the directory created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, encoded, StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the operator credential " + file, e);
        }
    }
}
