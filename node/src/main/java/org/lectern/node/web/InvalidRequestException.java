package org.lectern.node.web;

/** A request that is valid JSON but breaks a rule of the domain (dates out of order, a wrong file type): 400. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
