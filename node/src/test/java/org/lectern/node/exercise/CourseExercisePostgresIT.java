package org.lectern.node.exercise;

import org.lectern.node.support.PostgresNodeIntegrationTest;

class CourseExercisePostgresIT extends PostgresNodeIntegrationTest implements CourseExerciseFlow {
}
