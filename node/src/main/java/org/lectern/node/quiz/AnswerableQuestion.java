package org.lectern.node.quiz;

import java.io.Serializable;
import java.util.List;

/** What checking an answer needs of a question: its id, its kind and its options' ids (never which are right). */
record AnswerableQuestion(long id, QuestionType type, List<Long> optionIds) implements Serializable {

    AnswerableQuestion {
        optionIds = List.copyOf(optionIds);
    }

    static AnswerableQuestion of(QuizQuestion question) {
        return new AnswerableQuestion(question.getId(), question.getType(),
                question.getOptions().stream().map(QuizOption::getId).toList());
    }
}
