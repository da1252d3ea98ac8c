package org.lectern.console.scheduler;

/** One epoch of scheduler ownership. */
public record OwnershipRow(long epoch, String ownerNodeId, String since) {
}
