package org.lectern.node.web;

/** An id that names nothing the caller may know of: answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " " + id);
    }
}
