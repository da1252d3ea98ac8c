package org.lectern.node.cluster;

/**
 * The operator credential as an HMAC key: what operator commands are signed with, and what this node signs the
 * values it puts into operator-controlled maps with ({@link SignedState}).
 */
public interface OperatorKey {

    /** The key's bytes; callers must not change them. */
    byte[] bytes();
}
