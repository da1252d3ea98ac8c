package org.lectern.node.operations;

import org.lectern.node.cluster.OperatorKey;
import org.springframework.stereotype.Component;

/** The operator credential, loaded once for commands and for the signed state in the cluster. */
@Component
class OperatorKeyFromCredential implements OperatorKey {

    private final byte[] key;

    OperatorKeyFromCredential(OperationsProperties properties) {
        this.key = OperatorCredential.load(properties);
    }

    @Override
    public byte[] bytes() {
        return key;
    }
}
