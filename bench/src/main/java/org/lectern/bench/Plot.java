package org.lectern.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The run on one picture, drawn with Java 2D (headless): save latency (p50, p99, max) and the floor's p99 over
 * time above, open sessions (as the generator sees them, and per node as the nodes report them) below, with the
 * run's marks (quiz start, faults) as vertical lines.
 */
final class Plot {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 820;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final Color[] NODE_COLOURS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0x17becf)};

    private Plot() {
    }

    static void write(Report report, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(String.format(Locale.ROOT, "Lectern %s: %d students, %s, commit %s", report.kind(),
                report.settings().students(), report.startedAt(), report.commit()), LEFT, 24);

        List<Metrics.TimePoint> points = report.timeline();
        double maxSeconds = points.isEmpty() ? 1 : Math.max(1, points.get(points.size() - 1).seconds());

        Panel latency = new Panel(g, 50, 380, maxSeconds, "save latency, ms (5 s intervals)");
        double top = points.stream().mapToDouble(Metrics.TimePoint::saveP99Millis).max().orElse(1);
        top = Math.max(top, points.stream().mapToDouble(Metrics.TimePoint::floorP99Millis).max().orElse(1));
        latency.axes(Math.max(1, top * 1.15), report.marks());
        latency.line(points, Metrics.TimePoint::saveMaxMillis, new Color(0xdddddd), "max");
        latency.line(points, Metrics.TimePoint::saveP99Millis, new Color(0xd62728), "p99");
        latency.line(points, Metrics.TimePoint::saveP50Millis, new Color(0x1f77b4), "p50");
        latency.line(points, Metrics.TimePoint::floorP99Millis, new Color(0x7f7f7f), "floor p99");

        Panel sessions = new Panel(g, 470, 310, maxSeconds, "open sessions");
        TreeSet<String> nodes = new TreeSet<>();
        points.forEach(p -> nodes.addAll(p.sessionsPerNode().keySet()));
        double most = points.stream().mapToDouble(Metrics.TimePoint::sessionsHeld).max().orElse(1);
        sessions.axes(Math.max(1, most * 1.15), report.marks());
        sessions.line(points, Metrics.TimePoint::sessionsHeld, Color.BLACK, "generator");
        int colour = 0;
        for (String node : nodes) {
            sessions.line(points, p -> p.sessionsPerNode().getOrDefault(node, 0), NODE_COLOURS[colour++
                    % NODE_COLOURS.length], node);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** One chart: a frame, axes with a few labelled ticks, lines and their legend. */
    private static final class Panel {

        private final Graphics2D g;
        private final int y;
        private final int height;
        private final double maxX;
        private final String title;
        private final Map<String, Color> legend = new LinkedHashMap<>();
        private double maxY = 1;

        Panel(Graphics2D g, int y, int height, double maxX, String title) {
            this.g = g;
            this.y = y;
            this.height = height;
            this.maxX = maxX;
            this.title = title;
        }

        void axes(double maxY, List<Report.Mark> marks) {
            this.maxY = maxY;
            int width = WIDTH - LEFT - RIGHT;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            g.drawString(title, LEFT, y - 6);
            g.drawRect(LEFT, y, width, height);
            for (int i = 0; i <= 4; i++) {
                double value = maxY * i / 4;
                int py = py(value);
                g.setColor(new Color(0xeeeeee));
                g.drawLine(LEFT + 1, py, LEFT + width - 1, py);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value), 8, py + 4);
            }
            for (int i = 0; i <= 6; i++) {
                double seconds = maxX * i / 6;
                g.drawString(String.format(Locale.ROOT, "%.0f s", seconds), px(seconds) - 12, y + height + 16);
            }
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
            for (Report.Mark mark : marks) {
                g.setColor(new Color(0xff7f0e));
                g.drawLine(px(mark.seconds()), y, px(mark.seconds()), y + height);
                g.drawString(mark.what(), px(mark.seconds()) + 3, y + 14);
            }
            g.setStroke(new BasicStroke(1));
        }

        void line(List<Metrics.TimePoint> points, ToDoubleFunction<Metrics.TimePoint> value, Color colour,
                String name) {
            g.setColor(colour);
            g.setStroke(new BasicStroke(2));
            List<int[]> xy = new ArrayList<>();
            for (Metrics.TimePoint p : points) {
                xy.add(new int[] {px(p.seconds()), py(Math.min(maxY, value.applyAsDouble(p)))});
            }
            for (int i = 1; i < xy.size(); i++) {
                g.drawLine(xy.get(i - 1)[0], xy.get(i - 1)[1], xy.get(i)[0], xy.get(i)[1]);
            }
            g.setStroke(new BasicStroke(1));
            legend.put(name, colour);
            int lx = WIDTH - RIGHT - 140;
            int ly = y + 14 + 16 * (legend.size() - 1);
            g.fillRect(lx, ly - 9, 18, 4);
            g.setColor(Color.BLACK);
            g.drawString(name, lx + 24, ly - 3);
        }

        private int px(double seconds) {
            return LEFT + (int) Math.round((WIDTH - LEFT - RIGHT) * seconds / maxX);
        }

        private int py(double value) {
            return y + height - (int) Math.round(height * value / maxY);
        }
    }
}
