package org.lectern.node.web;

import java.io.IOException;

/**
 * Thrown while a request body without a declared length is read past the limit. An {@link IOException}, so the
 * JSON reader passes it on as a failed read, which {@link ApiExceptionHandler} answers with 413.
 */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}
