package org.lectern.console.ui;

import java.util.prefs.Preferences;

/**
 * Where the window was, how big, which view was open and which theme: remembered in the user's preferences
 * between runs.
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, int view, Theme theme) {

    /** A first start: centred by the toolkit, a laptop's width, the overview, the light theme. */
    public static final WindowLayout DEFAULT =
            new WindowLayout(Double.NaN, Double.NaN, 1400, 860, false, 0, Theme.LIGHT);

    public static WindowLayout load(Preferences preferences) {
        Theme theme;
        try {
            theme = Theme.valueOf(preferences.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException unknown) {
            theme = Theme.LIGHT;
        }
        return new WindowLayout(
                preferences.getDouble("x", DEFAULT.x),
                preferences.getDouble("y", DEFAULT.y),
                Math.max(400, preferences.getDouble("width", DEFAULT.width)),
                Math.max(300, preferences.getDouble("height", DEFAULT.height)),
                preferences.getBoolean("maximized", false),
                Math.max(0, preferences.getInt("view", 0)),
                theme);
    }

    public void save(Preferences preferences) {
        preferences.putDouble("x", x);
        preferences.putDouble("y", y);
        preferences.putDouble("width", width);
        preferences.putDouble("height", height);
        preferences.putBoolean("maximized", maximized);
        preferences.putInt("view", view);
        preferences.put("theme", theme.name());
    }

    /** Whether a position was remembered; on a first start the toolkit places the window. */
    public boolean placed() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
