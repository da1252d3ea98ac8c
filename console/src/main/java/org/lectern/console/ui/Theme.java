package org.lectern.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The console's look: AtlantaFX's Primer theme, light or dark, as the application's user-agent stylesheet, plus
 * the console's own stylesheet. State colours there are AtlantaFX's colour variables ({@code -color-success-fg}
 * and so on), so both themes colour a state the same way and no view sets a colour itself.
 */
public enum Theme {
    LIGHT(new PrimerLight()),
    DARK(new PrimerDark());

    public static final String BASE = "/org/lectern/console/ui/console.css";

    private final atlantafx.base.theme.Theme atlantafx;

    Theme(atlantafx.base.theme.Theme atlantafx) {
        this.atlantafx = atlantafx;
    }

    /** Switches the whole application, dialogs and popups included, and gives the scene the console's stylesheet. */
    public void applyTo(Scene scene) {
        Application.setUserAgentStylesheet(atlantafx.getUserAgentStylesheet());
        scene.getStylesheets().setAll(baseStylesheet());
    }

    /** The console's own stylesheet, for dialogs that have no scene of the window's. */
    public static String baseStylesheet() {
        return Theme.class.getResource(BASE).toExternalForm();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
