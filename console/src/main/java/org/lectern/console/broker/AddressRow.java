package org.lectern.console.broker;

/** One broker address: its size in memory and whether it pages to disk. */
public record AddressRow(String address, long messages, long sizeBytes, boolean paging) {
}
