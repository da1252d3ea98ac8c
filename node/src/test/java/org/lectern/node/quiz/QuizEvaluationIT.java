package org.lectern.node.quiz;

import org.lectern.node.support.NodeIntegrationTest;

class QuizEvaluationIT extends NodeIntegrationTest implements QuizEvaluationFlow {
}
