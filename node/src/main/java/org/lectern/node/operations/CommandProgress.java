package org.lectern.node.operations;

/** How a long-running command shows how far it got, in its answer while it is still accepted. */
@FunctionalInterface
public interface CommandProgress {

    void report(String message);
}
