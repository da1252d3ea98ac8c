package org.lectern.console.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** The window's frame: a menu, one tab per view (Ctrl/Cmd+1…9, 0 for the tenth), the status bar at the bottom. */
final class MainWindow extends BorderPane {

    /** A view and the name it has in the navigation. */
    record View(String id, String title, Node content) {
    }

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};

    private final TabPane tabs = new TabPane();
    private final CheckMenuItem dark = new CheckMenuItem("Dark theme");

    MainWindow(List<View> views, Node statusBar, Runnable connect) {
        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Menu viewMenu = new Menu("View");
        for (int i = 0; i < views.size(); i++) {
            View view = views.get(i);
            Tab tab = new Tab(view.title(), view.content());
            tab.setId("tab-" + view.id());
            tabs.getTabs().add(tab);
            MenuItem item = new MenuItem(view.title());
            item.setId("menu-" + view.id());
            if (i < DIGITS.length) {
                item.setAccelerator(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN));
            }
            int index = i;
            item.setOnAction(event -> select(index));
            viewMenu.getItems().add(item);
        }
        dark.setId("dark-theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        viewMenu.getItems().addAll(new SeparatorMenuItem(), dark);
        MenuItem connectItem = new MenuItem("Connect…");
        connectItem.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        connectItem.setOnAction(event -> connect.run());
        setTop(new MenuBar(new Menu("Cluster", null, connectItem), viewMenu));
        setCenter(tabs);
        setBottom(statusBar);
    }

    TabPane tabs() {
        return tabs;
    }

    CheckMenuItem darkTheme() {
        return dark;
    }

    void select(int index) {
        if (index >= 0 && index < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(index);
        }
    }

    /** Opens the view with this id; unknown ids change nothing. */
    void select(String id) {
        tabs.getTabs().stream().filter(tab -> tab.getId().equals("tab-" + id)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    int selected() {
        return tabs.getSelectionModel().getSelectedIndex();
    }

    boolean showing(String id) {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab != null && tab.getId().equals("tab-" + id);
    }
}
