package org.lectern.node.exam;

import org.lectern.node.support.NodeIntegrationTest;

/** Runs the assertions of {@link ExamFlow} on H2. */
class ExamFlowIT extends NodeIntegrationTest implements ExamFlow {

    @Override
    public int serverPort() {
        return port;
    }
}
