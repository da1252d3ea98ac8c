package org.lectern.console.scheduler;

import java.util.Arrays;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.lectern.console.ui.Tables;

/** Scheduler owner, the task list and the ownership history. */
public final class SchedulerView extends BorderPane {

    public SchedulerView(SchedulerViewModel viewModel) {
        Label owner = new Label();
        owner.setId("scheduler-owner");
        owner.getStyleClass().add("view-title");
        owner.textProperty().bind(viewModel.ownerProperty());
        Label summary = new Label();
        summary.textProperty().bind(viewModel.taskSummaryProperty());

        TableView<TaskRow> tasks = Tables.table("tasks-table", viewModel.tasks(), "No scheduled tasks");
        tasks.getColumns().addAll(Arrays.asList(
                Tables.column("Due", TaskRow::due),
                Tables.column("Kind", TaskRow::kind),
                Tables.column("Subject", TaskRow::subject),
                Tables.stateColumn("State", TaskRow::state),
                Tables.column("Last run", TaskRow::lastRun),
                Tables.column("On", TaskRow::lastRunNode),
                Tables.numberColumn("Epoch", TaskRow::lastRunEpoch),
                Tables.column("Message", TaskRow::message)));
        TableView<OwnershipRow> history = Tables.table("scheduler-history", viewModel.history(), "No owner yet");
        history.getColumns().addAll(Arrays.asList(
                Tables.numberColumn("Epoch", OwnershipRow::epoch),
                Tables.column("Owner", OwnershipRow::ownerNodeId),
                Tables.column("Since", OwnershipRow::since)));
        SplitPane split = new SplitPane(tasks, history);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        VBox top = new VBox(owner, summary);
        top.getStyleClass().add("view-header");
        setTop(top);
        setCenter(split);
    }
}
