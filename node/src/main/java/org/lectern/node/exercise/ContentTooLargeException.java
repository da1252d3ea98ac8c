package org.lectern.node.exercise;

/** A submission (text, model or file) above its limit: answered with 413, and nothing was saved. */
class ContentTooLargeException extends RuntimeException {

    ContentTooLargeException(String message) {
        super(message);
    }
}
