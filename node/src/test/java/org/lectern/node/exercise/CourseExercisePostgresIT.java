package org.lectern.node.exercise;

import org.lectern.node.support.PostgresNodeIntegrationTest;

/** Runs the assertions of {@link CourseExerciseFlow} on a real PostgreSQL. */
class CourseExercisePostgresIT extends PostgresNodeIntegrationTest implements CourseExerciseFlow {
}
