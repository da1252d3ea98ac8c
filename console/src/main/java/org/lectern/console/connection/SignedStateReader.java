package org.lectern.console.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.operations.SignedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console believes of the operator-controlled maps (settings, published configuration): only values
 * signed with the operator credential for their map and key, and none older than one it used before for them.
 * Anyone who reaches the cluster port can write those maps; believing them would, for instance, send the operator's
 * JMX password to a broker address someone else put there. Without a credential the console believes nothing there.
 */
public final class SignedStateReader {

    private static final Logger LOG = LoggerFactory.getLogger(SignedStateReader.class);

    private final Supplier<Optional<byte[]>> key;
    private final Map<String, Long> lastAccepted = new ConcurrentHashMap<>();

    /** @param key the operator credential's key, when the operator gave one */
    public SignedStateReader(Supplier<Optional<byte[]>> key) {
        this.key = key;
    }

    /** The entries of {@code found} (as read from the map {@code structure}) to use, key to value. */
    public Map<String, String> verified(String structure, Map<String, ?> found) {
        Optional<byte[]> current = key.get();
        if (current.isEmpty()) {
            if (!found.isEmpty()) {
                LOG.info("Not using {}: without the operator credential its signatures cannot be checked", structure);
            }
            return Map.of();
        }
        Map<String, String> verified = new HashMap<>();
        found.forEach((entryKey, value) -> {
            if (!OperatorSignatures.verifyValue(structure, entryKey, value, current.get())) {
                LOG.warn("Ignored {} in {}: not signed with the operator credential", entryKey, structure);
                return;
            }
            SignedValue signed = (SignedValue) value;
            long newest = lastAccepted.merge(structure + '\n' + entryKey, signed.issuedAtMillis(), Math::max);
            if (newest > signed.issuedAtMillis()) {
                LOG.warn("Ignored {} in {}: signed before the value the console used (a replay)", entryKey, structure);
                return;
            }
            verified.put(entryKey, signed.value());
        });
        return Map.copyOf(verified);
    }
}
