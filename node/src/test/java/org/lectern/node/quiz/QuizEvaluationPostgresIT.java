package org.lectern.node.quiz;

import org.lectern.node.support.PostgresNodeIntegrationTest;

/** Runs the assertions of {@link QuizEvaluationFlow} on a real PostgreSQL. */
class QuizEvaluationPostgresIT extends PostgresNodeIntegrationTest implements QuizEvaluationFlow {
}
