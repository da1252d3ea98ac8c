package org.lectern.node.cluster;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.operations.SignedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs what this node puts into the operator-controlled maps (settings, weights, published configuration) and
 * decides what it may use of what it finds there: a {@link SignedValue} whose signature verifies for that map and
 * key, and that is not older than the last one accepted for them (a copied old value written back is a replay).
 * The Hazelcast client protocol authenticates nobody, so the signature is the only proof that an operator's
 * order, carried out by a node, put the value there.
 */
@Component
class SignedState {

    private static final Logger LOG = LoggerFactory.getLogger(SignedState.class);

    private final OperatorKey key;
    private final Clock clock;
    private final Map<String, Long> lastAccepted = new ConcurrentHashMap<>();

    SignedState(OperatorKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    SignedValue sign(String structure, String entryKey, String value) {
        return OperatorSignatures.signValue(structure, entryKey, value, clock.millis(), key.bytes());
    }

    /** The value to use, or empty (with the reason logged) when what was found is not to be trusted. */
    Optional<String> accept(String structure, String entryKey, Object found) {
        if (found == null) {
            return Optional.empty();
        }
        Optional<String> problem = problemWith(structure, entryKey, found);
        if (problem.isPresent()) {
            LOG.warn("Ignored the value of {} in {}: {}", entryKey, structure, problem.get());
            return Optional.empty();
        }
        return Optional.of(((SignedValue) found).value());
    }

    /**
     * Why {@code found} (not null) must not be used, or empty when it may; records it as the newest when it may.
     */
    Optional<String> problemWith(String structure, String entryKey, Object found) {
        if (!OperatorSignatures.verifyValue(structure, entryKey, found, key.bytes())) {
            return Optional.of(found instanceof SignedValue
                    ? "its signature does not verify with this cluster's operator credential"
                    : "it is not signed (a " + found.getClass().getSimpleName() + ")");
        }
        long issuedAt = ((SignedValue) found).issuedAtMillis();
        long newest = lastAccepted.merge(structure + '\n' + entryKey, issuedAt, Math::max);
        if (newest > issuedAt) {
            return Optional.of("it was signed before the value in use (a replay)");
        }
        return Optional.empty();
    }
}
