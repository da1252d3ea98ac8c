package org.lectern.bench;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run on one picture, drawn with XChart (headless), as PNG and SVG: save latency (p50, p99, max) and the
 * floor's p99 over time above, open sessions (as the generator sees them, and per node as the nodes report them)
 * below, with the run's marks (quiz start, faults) as vertical lines.
 */
final class Plot {

    static final int WIDTH = 1200;
    static final int CHART_HEIGHT = 410;
    private static final Color MARK = new Color(0xff7f0e);
    private static final Color[] NODE_COLOURS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0x17becf)};

    private Plot() {
    }

    static void write(Report report, Path png, Path svg) throws IOException {
        write(String.format(Locale.ROOT, "Lectern %s: %d students, %s, commit %s", report.kind(),
                report.settings().students(), report.startedAt(), report.commit()), report.timeline(), report.marks(),
                png, svg);
    }

    static void write(String title, List<Metrics.TimePoint> points, List<Report.Mark> marks, Path png, Path svg)
            throws IOException {
        List<XYChart> charts = charts(title, points, marks);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
        }
        // XChart's own SVG export takes one chart; both are painted on one VectorGraphics2D canvas instead.
        VectorGraphics2D canvas = new VectorGraphics2D();
        for (XYChart chart : charts) {
            chart.paint(canvas, WIDTH, CHART_HEIGHT);
            canvas.translate(0, CHART_HEIGHT);
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            Processors.get("svg").getDocument(canvas.getCommands(),
                    new PageSize(0, 0, WIDTH, CHART_HEIGHT * charts.size())).writeTo(out);
        }
    }

    static List<XYChart> charts(String title, List<Metrics.TimePoint> points, List<Report.Mark> marks) {
        double maxSeconds = points.isEmpty() ? 1 : Math.max(1, points.get(points.size() - 1).seconds());

        double top = Math.max(points.stream().mapToDouble(Metrics.TimePoint::saveP99Millis).max().orElse(1),
                points.stream().mapToDouble(Metrics.TimePoint::floorP99Millis).max().orElse(1));
        XYChart latency = chart(title + " | save latency, ms (5 s intervals)", maxSeconds, Math.max(1, top * 1.15),
                marks);
        // max is drawn first and light, so that the percentiles stay readable above it; it is cut at the top.
        line(latency, points, Metrics.TimePoint::saveMaxMillis, new Color(0xdddddd), "max");
        line(latency, points, Metrics.TimePoint::saveP99Millis, new Color(0xd62728), "p99");
        line(latency, points, Metrics.TimePoint::saveP50Millis, new Color(0x1f77b4), "p50");
        line(latency, points, Metrics.TimePoint::floorP99Millis, new Color(0x7f7f7f), "floor p99");

        double most = points.stream().mapToDouble(Metrics.TimePoint::sessionsHeld).max().orElse(1);
        XYChart sessions = chart("open sessions", maxSeconds, Math.max(1, most * 1.15), marks);
        line(sessions, points, Metrics.TimePoint::sessionsHeld, Color.BLACK, "generator");
        TreeSet<String> nodes = new TreeSet<>();
        points.forEach(p -> nodes.addAll(p.sessionsPerNode().keySet()));
        int colour = 0;
        for (String node : nodes) {
            line(sessions, points, p -> p.sessionsPerNode().getOrDefault(node, 0),
                    NODE_COLOURS[colour++ % NODE_COLOURS.length], node);
        }
        return List.of(latency, sessions);
    }

    private static XYChart chart(String title, double maxSeconds, double maxY, List<Report.Mark> marks) {
        XYChart chart = new XYChart(WIDTH, CHART_HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("s");
        chart.getStyler()
                .setLegendPosition(Styler.LegendPosition.InsideNE)
                .setChartBackgroundColor(Color.WHITE)
                .setAnnotationLineColor(MARK)
                .setAnnotationLineStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {4, 4}, 0))
                .setAnnotationTextFontColor(MARK);
        chart.getStyler()
                .setXAxisMin(0.0)
                .setXAxisMax(maxSeconds)
                .setYAxisMin(0.0)
                .setYAxisMax(maxY)
                .setPlotGridLinesColor(new Color(0xeeeeee));
        for (Report.Mark mark : marks) {
            chart.addAnnotation(new AnnotationLine(mark.seconds(), true, false));
            chart.addAnnotation(new AnnotationText(mark.what(), mark.seconds(), maxY * 0.95, false));
        }
        return chart;
    }

    private static void line(XYChart chart, List<Metrics.TimePoint> points, ToDoubleFunction<Metrics.TimePoint> value,
            Color colour, String name) {
        double maxY = chart.getStyler().getYAxisMax();
        // XChart wants at least one point; an empty run shows its axes with a flat line at 0.
        double[] x = points.isEmpty() ? new double[] {0} : points.stream().mapToDouble(Metrics.TimePoint::seconds)
                .toArray();
        double[] y = points.isEmpty() ? new double[] {0} : points.stream()
                .mapToDouble(p -> Math.min(maxY, value.applyAsDouble(p))).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineWidth(2);
    }
}
