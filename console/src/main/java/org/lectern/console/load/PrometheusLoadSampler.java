package org.lectern.console.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.lectern.shared.cluster.NodeStatus;

/**
 * Reads each node's {@code /actuator/prometheus} with OkHttp (short timeouts) and falls back to the figures the
 * node published in its status record when the endpoint cannot be read (not allowed from this address, down).
 */
public final class PrometheusLoadSampler implements LoadSampler {

    static final String USERS = "lectern_websocket_users";
    static final String SESSIONS = "lectern_websocket_sessions";
    static final String SAVES = "lectern_submission_save_seconds_count";
    static final String SAVE_LATENCY = "lectern_submission_save_seconds";

    private final OkHttpClient http;
    private final Map<String, double[]> lastCounts = new ConcurrentHashMap<>();

    public PrometheusLoadSampler(OkHttpClient http) {
        this.http = http;
    }

    /** The client every HTTP call of the console uses: two seconds to connect, five for the whole call. */
    public static OkHttpClient httpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public List<LoadSample> sample(Collection<NodeStatus> nodes, long atMillis) {
        List<LoadSample> samples = new ArrayList<>();
        for (NodeStatus node : nodes) {
            samples.add(scrape(node, atMillis));
        }
        return samples;
    }

    private LoadSample scrape(NodeStatus node, long atMillis) {
        Request request = new Request.Builder().url("http://" + node.httpAddress() + "/actuator/prometheus").build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                return fromStatus(node, atMillis);
            }
            Map<String, Double> metrics = parse(response.body().string());
            if (!metrics.containsKey(USERS)) {
                return fromStatus(node, atMillis);
            }
            return new LoadSample(node.nodeId(), atMillis, metrics.get(USERS), metrics.getOrDefault(SESSIONS, 0.0),
                    rate(node.nodeId(), metrics.getOrDefault(SAVES, 0.0), atMillis),
                    metrics.getOrDefault(SAVE_LATENCY + "{quantile=\"0.95\"}", Double.NaN) * 1000,
                    metrics.getOrDefault(SAVE_LATENCY + "{quantile=\"0.99\"}", Double.NaN) * 1000, true);
        } catch (IOException | RuntimeException unreachable) {
            return fromStatus(node, atMillis);
        }
    }

    /** Saves per second from the counter's growth since the previous scrape. */
    private double rate(String nodeId, double count, long atMillis) {
        double[] previous = lastCounts.put(nodeId, new double[] {count, atMillis});
        if (previous == null || atMillis <= previous[1] || count < previous[0]) {
            return 0;
        }
        return (count - previous[0]) / ((atMillis - previous[1]) / 1000.0);
    }

    static LoadSample fromStatus(NodeStatus node, long atMillis) {
        return new LoadSample(node.nodeId(), atMillis, node.load().users(), node.load().webSocketSessions(),
                node.load().savesPerSecond(), node.load().saveP95Millis(), Double.NaN, false);
    }

    /**
     * The Prometheus text format's samples, name with labels as written (e.g. {@code x{quantile="0.95"}}); labels
     * other than {@code quantile} are dropped so a node's own tags do not get in the way.
     */
    static Map<String, Double> parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space).strip();
            String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            String quantile = "";
            int at = key.indexOf("quantile=\"");
            if (at >= 0) {
                int end = key.indexOf('"', at + 10);
                quantile = "{quantile=\"" + key.substring(at + 10, end) + "\"}";
            }
            try {
                values.merge(name + quantile, Double.parseDouble(line.substring(space + 1).strip()), Double::sum);
            } catch (NumberFormatException unreadable) {
                // A timestamped sample or an unusual value: not one of ours.
            }
        }
        return values;
    }
}
