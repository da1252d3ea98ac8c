package org.lectern.node.assessment;

import org.lectern.node.support.PostgresNodeIntegrationTest;

class AssessmentPostgresIT extends PostgresNodeIntegrationTest implements AssessmentFlow {
}
