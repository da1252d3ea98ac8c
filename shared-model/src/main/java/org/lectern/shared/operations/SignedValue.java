package org.lectern.shared.operations;

import java.util.Objects;

/**
 * A value an operator's order put into a cluster map ({@code lectern.cluster-settings}, {@code lectern.node-weights},
 * {@code lectern.published-config}), signed with the operator credential ({@link OperatorSignatures#signValue}).
 * Nodes and consoles use it only when the signature verifies for the map and key it was found under: anyone who
 * reaches the cluster port can write these maps, only holders of the credential can sign.
 *
 * @param value          the value as text (a weight, a setting's value, an address)
 * @param issuedAtMillis when it was signed, epoch milliseconds; a reader refuses one older than the last it used,
 *                       so a copied old value cannot be written back
 * @param signature      HMAC-SHA256 over map name, key, value and time
 */
public record SignedValue(String value, long issuedAtMillis, String signature) {

    public SignedValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(signature, "signature");
    }
}
