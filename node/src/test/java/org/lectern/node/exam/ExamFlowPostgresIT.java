package org.lectern.node.exam;

import org.lectern.node.support.PostgresNodeIntegrationTest;

class ExamFlowPostgresIT extends PostgresNodeIntegrationTest implements ExamFlow {

    @Override
    public int serverPort() {
        return port;
    }
}
