package org.lectern.node.assessment;

import org.lectern.node.support.PostgresNodeIntegrationTest;

/** Runs the assertions of {@link AssessmentFlow} on a real PostgreSQL. */
class AssessmentPostgresIT extends PostgresNodeIntegrationTest implements AssessmentFlow {
}
