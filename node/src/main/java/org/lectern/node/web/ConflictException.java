package org.lectern.node.web;

/**
 * A request that is well-formed and allowed but conflicts with the current state (a quiz that already ended,
 * an exam already handed in): answered with 409, and it changed nothing.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
