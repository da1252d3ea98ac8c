package org.lectern.node.exam;

import org.lectern.node.support.PostgresNodeIntegrationTest;

/** Runs the assertions of {@link ExamFlow} on a real PostgreSQL. */
class ExamFlowPostgresIT extends PostgresNodeIntegrationTest implements ExamFlow {

    @Override
    public int serverPort() {
        return port;
    }
}
