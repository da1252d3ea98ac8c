package org.lectern.console.broker;

import java.util.Arrays;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lectern.console.ui.Tables;

/** The broker: overview line, queues and addresses. */
public final class BrokerView extends BorderPane {

    public BrokerView(BrokerViewModel viewModel) {
        TextField url = new TextField();
        url.setId("broker-jmx-url");
        url.setPromptText("service:jmx:rmi:///jndi/rmi://host:port/jmxrmi");
        url.textProperty().bindBidirectional(viewModel.jmxUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        TextField user = new TextField();
        user.setPromptText("JMX user");
        user.textProperty().bindBidirectional(viewModel.userProperty());
        PasswordField password = new PasswordField();
        password.setPromptText("JMX password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        Button read = new Button("Read now");
        read.setOnAction(event -> viewModel.refresh());
        ToolBar connection = new ToolBar(new Label("JMX"), url, user, password, read);

        Label overview = new Label();
        overview.setId("broker-overview");
        overview.getStyleClass().add("view-title");
        overview.textProperty().bind(viewModel.overviewProperty());
        Label problem = new Label();
        problem.setId("broker-problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        TableView<QueueRow> queues = Tables.table("queues-table", viewModel.queues(), "No queues read");
        queues.getColumns().addAll(Arrays.asList(
                Tables.column("Address", QueueRow::address),
                Tables.column("Queue", QueueRow::queue),
                Tables.column("Routing", QueueRow::routingType),
                Tables.numberColumn("Messages", QueueRow::messages),
                Tables.numberColumn("Consumers", QueueRow::consumers),
                Tables.numberColumn("Delivering", QueueRow::delivering)));
        TableView<AddressRow> addresses = Tables.table("addresses-table", viewModel.addresses(), "No addresses read");
        addresses.getColumns().addAll(Arrays.asList(
                Tables.column("Address", AddressRow::address),
                Tables.numberColumn("Messages", AddressRow::messages),
                Tables.numberColumn("Size (bytes)", AddressRow::sizeBytes),
                Tables.column("Paging", row -> row.paging() ? "PAGING" : "no")));
        SplitPane split = new SplitPane(queues, addresses);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox header = new VBox(overview, problem);
        header.getStyleClass().add("view-header");
        setTop(new VBox(connection, header));
        setCenter(split);
    }
}
