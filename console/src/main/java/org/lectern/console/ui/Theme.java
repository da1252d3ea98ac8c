package org.lectern.console.ui;

/** The console's look: a base stylesheet plus one per theme, so colours live only in stylesheets. */
public enum Theme {
    LIGHT("/org/lectern/console/ui/light.css"),
    DARK("/org/lectern/console/ui/dark.css");

    public static final String BASE = "/org/lectern/console/ui/console.css";

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
