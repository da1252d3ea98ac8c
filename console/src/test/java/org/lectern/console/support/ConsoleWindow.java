package org.lectern.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.lectern.console.members.MemberRow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's main window as a UI test drives and reads it: views switched with the operator's shortcuts, rows
 * of the members table, texts of labels and table cells, each read on the FX thread.
 */
public final class ConsoleWindow {

    private final FxRobot robot;

    public ConsoleWindow(FxRobot robot) {
        this.robot = robot;
    }

    /** Switches views the way an operator does: Ctrl/Cmd + the view's number. */
    public void show(int number) {
        KeyCode digit = KeyCode.valueOf("DIGIT" + number % 10);
        robot.push(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().getSelectedIndex())
                .isEqualTo(number - 1);
    }

    public Scene scene() {
        return robot.lookup("#views").query().getScene();
    }

    /** The members table's rows now. */
    public List<MemberRow> members() throws Exception {
        TableView<MemberRow> table = robot.lookup("#members-table").queryTableView();
        return onFx(() -> List.copyOf(table.getItems()));
    }

    /** The node's row now, if it is shown. */
    public Optional<MemberRow> member(String nodeId) throws Exception {
        return members().stream().filter(row -> row.nodeId().equals(nodeId)).findFirst();
    }

    /** Selects the node's row in the members table, as the operator's click does. */
    public void select(String nodeId) {
        TableView<MemberRow> table = robot.lookup("#members-table").queryTableView();
        robot.interact(() -> table.getItems().stream().filter(row -> row.nodeId().equals(nodeId)).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row)));
    }

    /** The texts of the table's cells, row after row. */
    public List<String> cellTexts(String table) throws Exception {
        return onFx(() -> robot.lookup(table + " .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText())
                .filter(Objects::nonNull)
                .toList());
    }

    public String labelText(String id) throws Exception {
        return onFx(() -> ((Labeled) robot.lookup(id).query()).getText());
    }

    /** Reads on the FX thread, where the console's view-models live. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
