package org.lectern.node.exam;

/** How many student exams an exam has (test runs left out), how many are started, how many handed in. */
record StudentExamCounts(long generated, long started, long submitted) {
}
