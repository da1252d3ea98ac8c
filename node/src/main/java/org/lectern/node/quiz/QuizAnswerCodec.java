package org.lectern.node.quiz;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Writes quiz answers into a submission's text as JSON, and reads them back. */
@Component
class QuizAnswerCodec {

    private final JsonMapper json;

    QuizAnswerCodec(JsonMapper json) {
        this.json = json;
    }

    /** The answers must already be canonical (see {@link QuizService}), so equal answers give equal text. */
    String write(List<QuizAnswer> canonicalAnswers) {
        return json.writeValueAsString(new QuizAnswers(canonicalAnswers));
    }

    /** The answers in a submission's text; none if it holds nothing a quiz wrote. */
    List<QuizAnswer> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            QuizAnswers answers = json.readValue(text, QuizAnswers.class);
            return answers.answers() == null ? List.of() : answers.answers();
        } catch (JacksonException notQuizAnswers) {
            return List.of();
        }
    }
}
