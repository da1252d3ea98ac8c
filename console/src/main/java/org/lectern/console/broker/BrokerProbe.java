package org.lectern.console.broker;

/** Reads the broker's state. Blocks, bounded by a timeout; runs on a worker. */
public interface BrokerProbe {

    /** @throws Exception when the broker cannot be reached or read; the message says why */
    BrokerSnapshot read(String jmxUrl, String user, String password) throws Exception;
}
