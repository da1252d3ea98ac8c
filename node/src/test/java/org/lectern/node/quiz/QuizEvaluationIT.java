package org.lectern.node.quiz;

import org.lectern.node.support.NodeIntegrationTest;

/** Runs the assertions of {@link QuizEvaluationFlow} on H2. */
class QuizEvaluationIT extends NodeIntegrationTest implements QuizEvaluationFlow {
}
