package org.lectern.console.ui;

import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;

/**
 * How a state reads at a glance: one mapping from the words the views show (node states, command outcomes,
 * severities, HAProxy's statuses) to four tones, so that READY, COMPLETED and UP are the same green in every view.
 * The colours are the theme stylesheets'; a view only sets the tone's pseudo-class.
 */
public enum Tone {
    GOOD, BUSY, BAD, NEUTRAL;

    private static final Map<String, Tone> WORDS = Map.ofEntries(
            Map.entry("READY", GOOD), Map.entry("COMPLETED", GOOD), Map.entry("DONE", GOOD), Map.entry("UP", GOOD),
            Map.entry("CONNECTED", GOOD), Map.entry("SAFE", GOOD), Map.entry("OK", GOOD), Map.entry("IN SYNC", GOOD),
            Map.entry("STARTING", BUSY), Map.entry("DRAINING", BUSY), Map.entry("DRAINED", BUSY),
            Map.entry("ACCEPTED", BUSY), Map.entry("RUNNING", BUSY), Map.entry("WAITING_FOR_OPERATOR", BUSY),
            Map.entry("WARNING", BUSY), Map.entry("NOLB", BUSY), Map.entry("MAINT", BUSY),
            Map.entry("STOPPING", BAD), Map.entry("FAILED", BAD), Map.entry("REJECTED", BAD),
            Map.entry("DOWN", BAD), Map.entry("CRITICAL", BAD), Map.entry("MISSING", BAD),
            Map.entry("NOT SAFE", BAD), Map.entry("CANCELLED", NEUTRAL));

    private final PseudoClass pseudoClass = PseudoClass.getPseudoClass("tone-" + name().toLowerCase(Locale.ROOT));

    /** The tone of a word as shown; HAProxy's {@code UP 1/3} reads as its first word. */
    public static Tone of(String word) {
        if (word == null || word.isBlank()) {
            return NEUTRAL;
        }
        String upper = word.strip().toUpperCase(Locale.ROOT);
        Tone whole = WORDS.get(upper);
        if (whole != null) {
            return whole;
        }
        int space = upper.indexOf(' ');
        return space > 0 ? WORDS.getOrDefault(upper.substring(0, space), NEUTRAL) : NEUTRAL;
    }

    /** {@code :tone-good}, {@code :tone-busy}, {@code :tone-bad} or {@code :tone-neutral}. */
    public PseudoClass pseudoClass() {
        return pseudoClass;
    }
}
