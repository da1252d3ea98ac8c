package org.lectern.console.connection;

import java.util.List;

/** The clusters the operator connected to recently, newest first. */
public interface ConnectionHistory {

    List<ConnectionSettings> recent();

    void remember(ConnectionSettings settings);
}
