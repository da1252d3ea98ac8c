package org.lectern.node.exam;

import jakarta.validation.constraints.Size;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.SubmissionContent;
import org.lectern.node.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/** A save's body: {@code text} for a text exercise, {@code model} (any JSON object) for a modeling exercise. */
record ExamAnswer(@Size(max = MAX_LENGTH) String text, JsonNode model) {

    /** What fits the submissions' content column, with room to spare. */
    static final int MAX_LENGTH = 1_000_000;

    SubmissionContent contentFor(ExerciseType type) {
        return switch (type) {
            case TEXT -> {
                if (text == null || model != null) {
                    throw new InvalidRequestException("A text exercise takes {\"text\": \"...\"}.");
                }
                yield SubmissionContent.ofText(text);
            }
            case MODELING -> {
                if (model == null || !model.isObject() || text != null) {
                    throw new InvalidRequestException("A modeling exercise takes {\"model\": {...}}.");
                }
                String json = model.toString();
                if (json.length() > MAX_LENGTH) {
                    throw new InvalidRequestException("The model is longer than " + MAX_LENGTH + " characters.");
                }
                yield SubmissionContent.ofText(json);
            }
            default -> throw new InvalidRequestException("Exercises of type " + type + " are not saved here.");
        };
    }
}
