package org.lectern.console.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.lectern.shared.operations.OperatorSignatures;

/**
 * Who the operator is and the secret that signs their commands. Kept in memory only: never written to the
 * preferences, and {@link #toString()} does not show the secret.
 */
public final class OperatorCredential {

    private final String operator;
    private final byte[] secret;

    private OperatorCredential(String operator, byte[] secret) {
        this.operator = operator;
        this.secret = secret;
    }

    /**
     * The secret from the credential file the nodes read too ({@code lectern.operations.credential-file}): base64
     * text, read as the nodes read it ({@link OperatorSignatures#credentialFromText}).
     *
     * @throws IllegalArgumentException with a message fit to show the operator
     */
    public static OperatorCredential fromFile(String operator, Path file) {
        requireOperator(operator);
        return new OperatorCredential(operator.strip(), OperatorSignatures.credentialFromText(readSecret(file)));
    }

    /**
     * The credential file's content without surrounding whitespace. Reads the file system, so it belongs on a
     * worker: a path on a hung network mount would freeze the window.
     *
     * @throws IllegalArgumentException with a message fit to show the operator
     */
    public static String readSecret(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No credential file at " + file);
        }
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("Cannot read the credential file " + file + ": " + unreadable.getMessage());
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("The credential file " + file + " is empty");
        }
        return secret;
    }

    /**
     * The secret pasted by the operator, surrounding whitespace removed as for the file.
     *
     * @throws IllegalArgumentException with a message fit to show the operator
     */
    public static OperatorCredential fromSecret(String operator, String secret) {
        requireOperator(operator);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Paste the operator secret or choose the credential file");
        }
        return new OperatorCredential(operator.strip(), OperatorSignatures.credentialFromText(secret));
    }

    public String operator() {
        return operator;
    }

    /** A copy, so that no caller can change the secret. */
    public byte[] secret() {
        return Arrays.copyOf(secret, secret.length);
    }

    @Override
    public String toString() {
        return "OperatorCredential[" + operator + "]";
    }

    private static void requireOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("Enter the operator's name");
        }
    }
}
