package org.lectern.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lectern.console.support.Screenshots;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.console.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The audit trail on screen (headless): read, filtered from the combo boxes as an operator does. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private final AuditViewModel viewModel = new AuditViewModel(() -> AuditViewModelTest.TRAIL,
            new SynchronousBackgroundExecutor(), ZoneOffset.UTC);
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new AuditView(viewModel), 1400, 600);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void shouldFilterByOperatorAndKindFromTheComboBoxes(FxRobot robot) throws Exception {
        robot.clickOn("#audit-refresh");
        TableView<AuditRow> table = robot.lookup("#audit-table").queryTableView();
        assertThat(table.getItems()).hasSize(4);
        assertThat(cellTexts(robot)).contains("olga", "DRAIN", "node-1", "COMPLETED", "REJECTED");

        choose(robot, "#audit-operator", "olga");
        choose(robot, "#audit-kind", "SET_WEIGHT");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).extracting(AuditRow::commandId).containsExactly("c3");
        assertThat(robot.lookup("#audit-summary").queryAs(Labeled.class).getText()).isEqualTo("1 of 4 audit lines");
        choose(robot, "#audit-kind", AuditViewModel.ALL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(AuditRow::commandId).containsExactly("c4", "c3", "c1");
        Screenshots.save(scene, "audit");
    }

    /** Opens the combo box and clicks the choice in its popup (the same text is also in the table). */
    private static void choose(FxRobot robot, String comboBox, String choice) {
        robot.clickOn(comboBox);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell")
                .match((Labeled candidate) -> choice.equals(candidate.getText())).query();
        robot.clickOn(cell);
    }

    private static List<String> cellTexts(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#audit-table .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText()).filter(Objects::nonNull).toList()).get();
    }
}
