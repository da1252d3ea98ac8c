package org.lectern.shared.topics;

import java.util.Map;
import java.util.Objects;

/**
 * A concrete destination recognised as one of the declared ones.
 *
 * @param declaration the declaration it matches
 * @param ids         the numeric ids in it by placeholder name, e.g. {@code courseId → 42}
 */
public record TopicMatch(TopicDeclaration declaration, Map<String, Long> ids) {

    public TopicMatch {
        Objects.requireNonNull(declaration, "declaration");
        ids = Map.copyOf(ids);
    }
}
