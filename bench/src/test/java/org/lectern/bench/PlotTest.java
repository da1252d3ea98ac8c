package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PlotTest {

    private static final List<Metrics.TimePoint> POINTS = List.of(
            new Metrics.TimePoint(5, 10, 40, 7, 30, 900, 4, 0, Map.of("node-a", 6, "node-b", 4)),
            new Metrics.TimePoint(10, 20, 90, 8, 45, 2_000, 5, 0, Map.of("node-a", 11, "node-b", 9)));
    private static final List<Report.Mark> MARKS = List.of(new Report.Mark(7, "quiz start"));

    @TempDir
    Path directory;

    @Test
    void shouldDrawLatencyAboveAndSessionsPerNodeBelowWhenARunHasPoints() {
        List<XYChart> charts = Plot.charts("Lectern exam", POINTS, MARKS);

        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).getTitle()).startsWith("Lectern exam").contains("save latency");
        assertThat(charts.get(0).getSeriesCollection()).extracting(XYSeries::getName)
                .containsExactly("max", "p99", "p50", "floor p99");
        // the y axis leaves room above the highest p99 (45 ms); max is cut there
        assertThat(charts.get(0).getStyler().getYAxisMax()).isEqualTo(45 * 1.15);
        assertThat(charts.get(0).getSeries("max").getYData()).containsExactly(45 * 1.15, 45 * 1.15);
        assertThat(charts.get(1).getSeriesCollection()).extracting(XYSeries::getName)
                .containsExactly("generator", "node-a", "node-b");
        assertThat(charts.get(1).getSeries("node-b").getYData()).containsExactly(4.0, 9.0);
    }

    @Test
    void shouldWriteAPngAndAnSvgOfBothChartsWhenWritten() throws Exception {
        Path png = directory.resolve("plot.png");
        Path svg = directory.resolve("plot.svg");

        Plot.write("Lectern exam", POINTS, MARKS, png, svg);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(Plot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * Plot.CHART_HEIGHT);
        String text = Files.readString(svg);
        // XChart draws text as outlines, so the SVG is checked by its size and the colours of p99 and the mark.
        assertThat(text).contains("<svg", "viewBox=\"0 0 1200 820\"", "rgb(214,39,40)", "rgb(255,127,14)");
    }

    @Test
    void shouldDrawEmptyAxesWhenARunHasNoPoints() throws Exception {
        Path png = directory.resolve("plot.png");

        Plot.write("Lectern exam", List.of(), List.of(), png, directory.resolve("plot.svg"));

        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(2 * Plot.CHART_HEIGHT);
    }
}
