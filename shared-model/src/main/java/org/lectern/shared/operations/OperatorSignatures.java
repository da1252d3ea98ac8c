package org.lectern.shared.operations;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies {@link OperatorCommand}s and {@link SignedValue}s with the operator credential both console and
 * nodes hold.
 * Written with the JDK's HMAC because console and node must compute the same bytes and the contract module takes
 * no dependencies.
 */
public final class OperatorSignatures {

    private static final String ALGORITHM = "HmacSHA256";

    /** The shortest operator credential accepted, in bytes. */
    public static final int MIN_CREDENTIAL_BYTES = 32;

    private OperatorSignatures() {
    }

    /**
     * The signing key from the text operators keep (the credential file's content, a pasted secret,
     * {@code lectern.operations.credential}): base64 of at least {@link #MIN_CREDENTIAL_BYTES} random bytes,
     * surrounding whitespace ignored. Console, nodes and tools read it here, so they derive the same key.
     *
     * @throws IllegalArgumentException when it is not such text, with a message fit to show an operator
     */
    public static byte[] credentialFromText(String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The operator credential is not base64 text", e);
        }
        if (key.length < MIN_CREDENTIAL_BYTES) {
            throw new IllegalArgumentException("The operator credential must be at least " + MIN_CREDENTIAL_BYTES
                    + " bytes (base64 of them), it has " + key.length);
        }
        return key;
    }

    /** A new command, signed, with a fresh id. */
    public static OperatorCommand sign(CommandKind kind, String targetNodeId, String argument, String operator,
            long issuedAtMillis, byte[] credential) {
        String commandId = UUID.randomUUID().toString();
        String signature = signature(commandId, kind, targetNodeId, argument, operator, issuedAtMillis, credential);
        return new OperatorCommand(commandId, kind, targetNodeId, argument, operator, issuedAtMillis, signature);
    }

    /** Whether the command was signed with this credential and has not been altered since. */
    public static boolean verify(OperatorCommand command, byte[] credential) {
        String expected = signature(command.commandId(), command.kind(), command.targetNodeId(), command.argument(),
                command.operator(), command.issuedAtMillis(), credential);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                command.signature().getBytes(StandardCharsets.US_ASCII));
    }

    /** A value for {@code key} of the cluster map {@code structure}, signed now. */
    public static SignedValue signValue(String structure, String key, String value, long issuedAtMillis,
            byte[] credential) {
        String signature = valueSignature(structure, key, value, issuedAtMillis, credential);
        return new SignedValue(value, issuedAtMillis, signature);
    }

    /**
     * Whether {@code candidate} is a {@link SignedValue} signed with this credential for exactly this map and key
     * (a value signed for another key or map does not verify). Anything else found in the map does not verify.
     */
    public static boolean verifyValue(String structure, String key, Object candidate, byte[] credential) {
        if (!(candidate instanceof SignedValue signed)) {
            return false;
        }
        String expected = valueSignature(structure, key, signed.value(), signed.issuedAtMillis(), credential);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signed.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private static String valueSignature(String structure, String key, String value, long issuedAtMillis,
            byte[] credential) {
        // A fixed first line no command id (a UUID) can take, so a command's signature never passes for a value's.
        return hmac(String.join("\n", "lectern.signed-value", structure, key, value, Long.toString(issuedAtMillis)),
                credential);
    }

    private static String signature(String commandId, CommandKind kind, String targetNodeId, String argument,
            String operator, long issuedAtMillis, byte[] credential) {
        // Newline-separated: no field can contain one without changing another's meaning in the signed text.
        String signed = String.join("\n", commandId, kind.name(), targetNodeId, argument, operator,
                Long.toString(issuedAtMillis));
        return hmac(signed, credential);
    }

    private static String hmac(String signed, byte[] credential) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(credential, ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
