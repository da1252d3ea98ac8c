package org.lectern.node.exam;

import org.lectern.node.support.NodeIntegrationTest;

class ExamFlowIT extends NodeIntegrationTest implements ExamFlow {

    @Override
    public int serverPort() {
        return port;
    }
}
