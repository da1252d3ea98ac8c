package org.lectern.node.exercise;

import org.lectern.node.support.PostgresNodeIntegrationTest;

/** Runs the assertions of {@link SubmissionSavingFlow} on a real PostgreSQL. */
class SubmissionSavingPostgresIT extends PostgresNodeIntegrationTest implements SubmissionSavingFlow {
}
