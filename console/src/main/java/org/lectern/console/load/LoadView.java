package org.lectern.console.load;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Four charts over the last 30 minutes: users, sessions, saves/s and save p95 per node, from the status records. */
public final class LoadView extends BorderPane {

    private final LineChart<Number, Number> users = chart("Users per node");
    private final LineChart<Number, Number> sessions = chart("Sessions per node");
    private final LineChart<Number, Number> saves = chart("Saves per second");
    private final LineChart<Number, Number> latency = chart("Save p95 (ms)");

    public LoadView(LoadViewModel viewModel) {
        GridPane grid = new GridPane();
        grid.add(users, 0, 0);
        grid.add(sessions, 1, 0);
        grid.add(saves, 0, 1);
        grid.add(latency, 1, 1);
        for (LineChart<?, ?> chart : List.of(users, sessions, saves, latency)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        setCenter(grid);
        viewModel.historyProperty().addListener((observable, before, history) -> show(history));
    }

    private void show(Map<String, List<LoadSample>> history) {
        long now = history.values().stream().flatMap(List::stream).mapToLong(LoadSample::atMillis).max().orElse(0);
        fill(users, history, now, LoadSample::users);
        fill(sessions, history, now, LoadSample::sessions);
        fill(saves, history, now, LoadSample::savesPerSecond);
        fill(latency, history, now, LoadSample::saveP95Millis);
    }

    private static void fill(LineChart<Number, Number> chart, Map<String, List<LoadSample>> history, long now,
            ToDoubleFunction<LoadSample> figure) {
        chart.getData().setAll(history.entrySet().stream()
                .map(entry -> series(entry.getKey(), entry.getValue(), now, figure))
                .toList());
    }

    private static XYChart.Series<Number, Number> series(String name, List<LoadSample> samples, long now,
            ToDoubleFunction<LoadSample> figure) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (LoadSample sample : samples) {
            double value = figure.applyAsDouble(sample);
            if (!Double.isNaN(value)) {
                series.getData().add(new XYChart.Data<>((sample.atMillis() - now) / 60_000.0, value));
            }
        }
        return series;
    }

    private static LineChart<Number, Number> chart(String title) {
        NumberAxis minutes = new NumberAxis(-30, 0, 5);
        minutes.setLabel("minutes ago");
        LineChart<Number, Number> chart = new LineChart<>(minutes, new NumberAxis());
        chart.setTitle(title);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        return chart;
    }
}
