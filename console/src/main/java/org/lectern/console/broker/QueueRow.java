package org.lectern.console.broker;

/** One broker queue with its counts. */
public record QueueRow(String address, String queue, String routingType, long messages, int consumers, int delivering) {
}
