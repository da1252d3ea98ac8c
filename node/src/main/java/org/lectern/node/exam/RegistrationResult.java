package org.lectern.node.exam;

/** What a registration request did: how many students it registered, and how many were registered already. */
record RegistrationResult(int registered, int alreadyRegistered) {
}
