package org.lectern.node.exercise;

import org.lectern.node.support.PostgresNodeIntegrationTest;

class SubmissionSavingPostgresIT extends PostgresNodeIntegrationTest implements SubmissionSavingFlow {
}
