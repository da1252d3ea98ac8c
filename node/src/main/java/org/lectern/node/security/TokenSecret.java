package org.lectern.node.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.lectern.shared.security.SecretFile;

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
            return SecretFile.readOrCreate(file, () -> SecretFile.randomBase64(MIN_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret " + file, e);
        }
    }
}
