package org.lectern.node.assessment;

/** Who assessed: the server (quizzes) or a tutor (text, modeling, file upload). */
public enum AssessmentType {
    AUTOMATIC,
    MANUAL
}
