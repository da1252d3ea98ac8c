package org.lectern.node.exercise;

import java.util.regex.Pattern;
import org.lectern.node.web.InvalidRequestException;

/**
 * The key a client sends with every save so that a retry is answered with the first save, never written twice.
 * One rule for every save (exercise work, exam answers, quiz answers), checked before anything is changed.
 */
public final class IdempotencyKey {

    /** A UUID fits, and so does any short token. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private IdempotencyKey() {
    }

    /**
     * @return {@code key}, when it has the required form
     * @throws InvalidRequestException (400) when it is missing or malformed
     */
    public static String require(String key) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            throw new InvalidRequestException("The header Idempotency-Key must hold 1 to 64 letters, digits, '-' "
                    + "or '_' (a UUID fits).");
        }
        return key;
    }
}
