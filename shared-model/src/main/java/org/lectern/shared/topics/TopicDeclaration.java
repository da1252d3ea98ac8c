package org.lectern.shared.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One destination clients may use: its pattern ({@code {name}} segments stand for numeric ids, e.g.
 * {@code /topic/courses/{courseId}/students}), how it is used, who may use it and what travels on it.
 *
 * @param pattern     the destination with {@code {id}} placeholders; personal ones without the {@code /user} prefix
 * @param kind        personal queue, shared topic, or application destination
 * @param rule        who may subscribe (or, for an application destination, send)
 * @param payloadType the simple name of the shared-model record carried as JSON; several, separated by {@code |},
 *                    where one destination carries several events (each has a {@code type} to tell them apart)
 */
public record TopicDeclaration(String pattern, DestinationKind kind, AccessRule rule, String payloadType) {

    public TopicDeclaration {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!pattern.startsWith("/") || pattern.endsWith("/") || pattern.contains("//")) {
            throw new IllegalArgumentException("Not a destination pattern: " + pattern);
        }
    }

    /** What a client puts into SUBSCRIBE or SEND: personal destinations get the {@code /user} prefix. */
    public String clientPattern() {
        return kind == DestinationKind.PERSONAL ? Destinations.USER_PREFIX + pattern : pattern;
    }

    /** The names of the id placeholders, in order, e.g. {@code [courseId]}. */
    public List<String> idNames() {
        List<String> names = new ArrayList<>();
        for (String segment : pattern.substring(1).split("/")) {
            if (isPlaceholder(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** The concrete destination for these ids, in the order of {@link #idNames()}. */
    public String destination(long... ids) {
        String[] segments = clientPattern().substring(1).split("/");
        StringBuilder result = new StringBuilder();
        int next = 0;
        for (String segment : segments) {
            result.append('/');
            if (isPlaceholder(segment)) {
                if (next == ids.length) {
                    throw new IllegalArgumentException("Too few ids for " + pattern);
                }
                result.append(ids[next++]);
            } else {
                result.append(segment);
            }
        }
        if (next != ids.length) {
            throw new IllegalArgumentException("Too many ids for " + pattern);
        }
        return result.toString();
    }

    static boolean isPlaceholder(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
