package org.lectern.node.quiz;

/** How a question is answered: one option, a set of options, or a short text matched against accepted answers. */
public enum QuestionType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    SHORT_ANSWER
}
