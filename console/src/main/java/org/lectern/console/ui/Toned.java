package org.lectern.console.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Lets a node carry the pseudo-class of a changing {@link Tone}, so the stylesheet colours it. */
public final class Toned {

    private Toned() {
    }

    public static <N extends Node> N follow(N node, ObservableValue<Tone> tone) {
        node.getStyleClass().add("toned");
        apply(node, tone.getValue());
        tone.addListener((observable, before, after) -> apply(node, after));
        return node;
    }

    private static void apply(Node node, Tone tone) {
        for (Tone each : Tone.values()) {
            node.pseudoClassStateChanged(each.pseudoClass(), each == tone);
        }
    }
}
