package org.lectern.node.quiz;

import org.lectern.node.support.PostgresNodeIntegrationTest;

class QuizEvaluationPostgresIT extends PostgresNodeIntegrationTest implements QuizEvaluationFlow {
}
