package org.lectern.node.exercise;

import org.lectern.node.support.NodeIntegrationTest;

/** Runs the assertions of {@link SubmissionSavingFlow} on H2. */
class SubmissionSavingIT extends NodeIntegrationTest implements SubmissionSavingFlow {
}
