package org.lectern.console.app;

import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the jar. A plain class rather than the {@link Application} itself: the JavaFX launcher refuses
 * to start an {@code Application} main class when JavaFX sits on the class path instead of the module path.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        try {
            // Checked here so that a typo fails at once, before a window opens.
            CommandLine.parse(List.of(args));
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
        }
        Application.launch(LecternConsoleApp.class, args);
    }
}
