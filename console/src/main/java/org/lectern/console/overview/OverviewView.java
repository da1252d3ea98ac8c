package org.lectern.console.overview;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.lectern.console.ui.Tables;
import org.lectern.console.ui.Tone;
import org.lectern.console.ui.Toned;
import org.lectern.shared.cluster.EventSeverity;

/**
 * The first screen: the verdict, cluster health, the exam-day figures and the alerts; every health line and every
 * alert is a link to the view behind it. The alert thresholds sit folded below.
 */
public final class OverviewView extends BorderPane {

    private final OverviewViewModel viewModel;
    private final Consumer<Target> show;

    /**
     * @param viewModel what to show
     * @param show      opens the view behind a link, selecting the node or queue there
     */
    public OverviewView(OverviewViewModel viewModel, Consumer<Target> show) {
        this.viewModel = viewModel;
        this.show = show;
        getStyleClass().add("overview");

        Label verdict = Toned.follow(new Label(), viewModel.verdictToneProperty());
        verdict.setId("overview-verdict");
        verdict.getStyleClass().add("verdict");
        verdict.textProperty().bind(viewModel.verdictProperty());
        verdict.setMaxWidth(Double.MAX_VALUE);

        FlowPane health = cards("overview-health",
                card("Nodes", link("overview-nodes", viewModel.nodesHealthProperty(), viewModel.nodesToneProperty(),
                        new Target("members", ""))),
                card("Cluster safe", link("overview-safety", viewModel.safetyProperty(), viewModel.safetyToneProperty(),
                        new Target("replicas", ""))),
                card("Broker", link("overview-broker", viewModel.brokerProperty(), viewModel.brokerToneProperty(),
                        new Target("broker", ""))),
                card("Load balancer", link("overview-balancer", viewModel.balancerProperty(),
                        viewModel.balancerToneProperty(), new Target("balancer", ""))));
        FlowPane figures = cards("overview-figures",
                card("Sessions", figure("overview-sessions", viewModel.sessionsProperty())),
                card("Saves", figure("overview-saves", viewModel.savesPerSecondProperty())),
                card("Save p95", Toned.follow(figure("overview-save-p95", viewModel.saveP95Property()),
                        viewModel.saveToneProperty())),
                card("Save p99", figure("overview-save-p99", viewModel.saveP99Property())),
                card("Quiz fan-out", figure("overview-fan-out", viewModel.fanOutProperty())));

        TableView<ConsoleAlert> alerts = Tables.table("alerts-table", viewModel.alerts(),
                "No alert: every figure is within its threshold");
        TableColumn<ConsoleAlert, EventSeverity> severity = Tables.stateColumn("Severity", ConsoleAlert::severity);
        severity.setPrefWidth(90);
        TableColumn<ConsoleAlert, String> title = Tables.column("Alert", alert -> alert.rule().title());
        title.setPrefWidth(200);
        TableColumn<ConsoleAlert, ConsoleAlert> behind = Tables.column("Show", alert -> alert);
        behind.setCellFactory(ignored -> new LinkCell());
        behind.setPrefWidth(150);
        TableColumn<ConsoleAlert, String> message = Tables.column("What", ConsoleAlert::message);
        message.setPrefWidth(600);
        TableColumn<ConsoleAlert, String> since = Tables.numberColumn("Since", ConsoleAlert::since);
        since.setPrefWidth(80);
        alerts.getColumns().addAll(Arrays.asList(severity, title, behind, message, since));

        Label alertsTitle = new Label("Alerts");
        alertsTitle.getStyleClass().add("view-title");
        VBox top = new VBox(verdict, health, figures, alertsTitle);
        top.getStyleClass().add("view-header");
        setTop(top);
        setCenter(alerts);
        setBottom(thresholds());
    }

    private static FlowPane cards(String id, Node... cards) {
        FlowPane pane = new FlowPane(cards);
        pane.setId(id);
        pane.getStyleClass().add("cards");
        return pane;
    }

    private static VBox card(String title, Node value) {
        Label caption = new Label(title);
        caption.getStyleClass().add("card-title");
        VBox card = new VBox(caption, value);
        card.getStyleClass().add("card");
        return card;
    }

    private Hyperlink link(String id, ObservableValue<String> text, ObservableValue<Tone> tone, Target target) {
        Hyperlink link = Toned.follow(new Hyperlink(), tone);
        link.setId(id);
        link.textProperty().bind(text);
        link.setWrapText(true);
        link.setOnAction(event -> show.accept(target));
        return link;
    }

    private static Label figure(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("figure");
        label.setAlignment(Pos.CENTER_RIGHT);
        label.setMaxWidth(Double.MAX_VALUE);
        label.textProperty().bind(text);
        return label;
    }

    private TitledPane thresholds() {
        AlertThresholds current = viewModel.thresholdsProperty().get();
        Spinner<Integer> p95 = spinner("threshold-save-p95", 1, 60_000, current.saveP95Millis());
        Spinner<Integer> heap = spinner("threshold-heap", 1, 100, current.heapPercent());
        Spinner<Integer> cpu = spinner("threshold-cpu", 1, 100, current.cpuPercent());
        Spinner<Integer> missing = spinner("threshold-missing", 0, 3_600, current.nodeMissingSeconds());
        Spinner<Integer> notSafe = spinner("threshold-not-safe", 0, 3_600, current.clusterNotSafeSeconds());
        Spinner<Integer> backlog = spinner("threshold-backlog", 0, 10_000_000, current.brokerBacklogMessages());
        Spinner<Integer> connections = spinner("threshold-connections", 0, 1_000_000, current.brokerConnections());
        Spinner<Integer> mismatch = spinner("threshold-mismatch", 0, 3_600, current.weightMismatchSeconds());
        CheckBox notify = new CheckBox("Raise a desktop notification for each new alert");
        notify.setId("threshold-notify");
        notify.setSelected(current.notifyDesktop());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        Button apply = new Button("Apply");
        apply.setId("thresholds-apply");
        apply.setOnAction(event -> {
            try {
                viewModel.thresholdsProperty().set(new AlertThresholds(p95.getValue(), heap.getValue(),
                        cpu.getValue(), missing.getValue(), notSafe.getValue(), backlog.getValue(),
                        connections.getValue(), mismatch.getValue(), notify.isSelected()));
                problem.setText("");
            } catch (IllegalArgumentException invalid) {
                problem.setText(invalid.getMessage());
            }
        });
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.addRow(0, new Label("Save p95 above (ms)"), p95, new Label("Heap above (% of limit)"), heap,
                new Label("CPU above (%)"), cpu);
        grid.addRow(1, new Label("Node missing for (s)"), missing, new Label("Cluster not safe for (s)"), notSafe,
                new Label("Balancer disagrees for (s)"), mismatch);
        grid.addRow(2, new Label("Broker queue above (messages)"), backlog, new Label("Broker connections above"),
                connections);
        grid.add(notify, 0, 3, 4, 1);
        grid.add(apply, 4, 3);
        grid.add(problem, 0, 4, 6, 1);
        TitledPane pane = new TitledPane("Alert thresholds (saved with the window layout)", grid);
        pane.setId("alert-thresholds");
        pane.setExpanded(false);
        return pane;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    /** One click from an alert to what is behind it: the node, the broker queue, the event. */
    private final class LinkCell extends TableCell<ConsoleAlert, ConsoleAlert> {

        private final Hyperlink link = new Hyperlink();

        LinkCell() {
            link.getStyleClass().add("alert-link");
            link.setOnAction(event -> {
                if (getItem() != null) {
                    show.accept(getItem().target());
                }
            });
        }

        @Override
        protected void updateItem(ConsoleAlert alert, boolean empty) {
            super.updateItem(alert, empty);
            if (empty || alert == null) {
                setGraphic(null);
            } else {
                link.setText(alert.subject() + " → " + alert.rule().view());
                setGraphic(link);
            }
        }
    }
}
