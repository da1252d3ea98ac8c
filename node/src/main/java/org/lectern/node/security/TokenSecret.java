package org.lectern.node.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC key that signs login tokens: configured, or generated once and kept in a file only its owner reads. */
final class TokenSecret {

    static final int MIN_BYTES = 32;

    private TokenSecret() {
    }

    static SecretKey load(SecurityProperties properties) {
        String encoded = properties.tokenSecret().isBlank()
                ? readOrCreate(properties.tokenSecretFile())
                : properties.tokenSecret();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lectern.security.token-secret is not valid base64", e);
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("lectern.security.token-secret must decode to at least " + MIN_BYTES
                    + " bytes, it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another node sharing the directory created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret " + file, e);
        }
    }
}
