package org.lectern.node.exercise;

import org.lectern.node.support.NodeIntegrationTest;

class SubmissionSavingIT extends NodeIntegrationTest implements SubmissionSavingFlow {
}
