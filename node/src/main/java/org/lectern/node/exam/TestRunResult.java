package org.lectern.node.exam;

/** An instructor's test run, and whether this request created it (or returned the one they had). */
record TestRunResult(boolean created, StudentExamView studentExam) {
}
