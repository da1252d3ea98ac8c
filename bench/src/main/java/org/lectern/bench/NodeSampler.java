package org.lectern.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;

/**
 * Reads what each node carries while the load runs. Preferred: the nodes' own status records from the cluster
 * ({@link ClusterStructures#NODE_STATUS}, through a Hazelcast client), which name every node with its sessions, CPU
 * and heap. Without a reachable cluster: the Prometheus endpoint of the base URL (one node, or whichever node the
 * balancer picks).
 */
public interface NodeSampler extends AutoCloseable {

    /**
     * One node's figures at one moment.
     *
     * @param flushLagMillis age of the oldest acknowledged save the node holds that is not yet in the database
     *                       (0: none; -1: the node does not say)
     */
    record Sample(String nodeId, String state, int sessions, double cpu, long heapUsedBytes, long heapMaxBytes,
            boolean schedulerOwner, long flushLagMillis) {
    }

    /** The current figures by node id (empty when nothing could be read). */
    Map<String, Sample> sample();

    /** Where the figures come from, for the report. */
    String source();

    @Override
    void close();

    /** The cluster's status records if a member answers at {@code address}, else the base URL's metrics. */
    static NodeSampler open(BenchOptions options) {
        if (options.hazelcast() != null) {
            try {
                return new FromCluster(options.hazelcast(), options.clusterName());
            } catch (RuntimeException unreachable) {
                System.err.println("bench: no cluster member at " + options.hazelcast() + " (" + unreachable.getMessage()
                        + "); reading the node's /actuator/prometheus instead");
            }
        }
        return new FromPrometheus(options.url());
    }

    /** Hazelcast client reading the status records; also the way to send operator commands (drills). */
    final class FromCluster implements NodeSampler {

        private final HazelcastInstance client;
        private final String address;
        private final Map<String, FromPrometheus> metrics = new java.util.concurrent.ConcurrentHashMap<>();

        FromCluster(String address, String clusterName) {
            ClientConfig config = new ClientConfig();
            config.setClusterName(clusterName);
            config.getNetworkConfig().addAddress(address);
            config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(5_000);
            config.setProperty("hazelcast.logging.type", "none");
            this.client = HazelcastClient.newHazelcastClient(config);
            this.address = address;
        }

        HazelcastInstance client() {
            return client;
        }

        @Override
        public Map<String, Sample> sample() {
            Map<String, Sample> samples = new LinkedHashMap<>();
            try {
                Map<String, NodeStatus> statuses = client.getMap(ClusterStructures.NODE_STATUS);
                statuses.values().stream().sorted(java.util.Comparator.comparing(NodeStatus::nodeId)).forEach(s ->
                        samples.put(s.nodeId(), fromStatus(s)));
            } catch (RuntimeException clusterAway) {
                // the cluster is being restarted by a drill; the next sample will tell
            }
            return samples;
        }

        /**
         * A node that publishes no load (its record carries the idle figures) is asked for CPU and heap at its own
         * metrics endpoint; its sessions are then unknown (-1).
         */
        private Sample fromStatus(NodeStatus s) {
            if (s.load().heapMaxBytes() > 0) {
                return new Sample(s.nodeId(), s.state().name(), s.load().webSocketSessions(), s.load().cpuLoad(),
                        s.load().heapUsedBytes(), s.load().heapMaxBytes(), s.schedulerOwner(), s.flushLagMillis());
            }
            Sample scraped = metrics.computeIfAbsent(s.httpAddress(),
                    address -> new FromPrometheus(URI.create("http://" + address))).sample().get(s.nodeId());
            return new Sample(s.nodeId(), s.state().name(), -1, scraped == null ? -1 : scraped.cpu(),
                    scraped == null ? 0 : scraped.heapUsedBytes(), scraped == null ? 0 : scraped.heapMaxBytes(),
                    s.schedulerOwner(), s.flushLagMillis());
        }

        @Override
        public String source() {
            return "node status records (" + ClusterStructures.NODE_STATUS + ") via a Hazelcast client at " + address;
        }

        @Override
        public void close() {
            client.shutdown();
        }
    }

    /** Scrapes {@code /actuator/prometheus}: process CPU, heap, and the node's {@code node} tag. */
    final class FromPrometheus implements NodeSampler {

        private static final Pattern NODE = Pattern.compile("node=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final URI metrics;

        FromPrometheus(URI base) {
            this.metrics = base.resolve("/actuator/prometheus");
        }

        @Override
        public Map<String, Sample> sample() {
            try {
                String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return parse(text);
            } catch (java.io.IOException unreachable) {
                return Map.of();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Map.of();
            }
        }

        static Map<String, Sample> parse(String text) {
            String node = "node";
            double cpu = -1;
            long heapUsed = 0;
            long heapMax = 0;
            long flushLag = -1;
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                Matcher tag = NODE.matcher(line);
                if (tag.find()) {
                    node = tag.group(1);
                }
                if (line.startsWith("process_cpu_usage")) {
                    cpu = value(line);
                } else if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                    heapUsed += (long) value(line);
                } else if (line.startsWith("jvm_memory_max_bytes") && line.contains("area=\"heap\"")) {
                    heapMax += Math.max(0, (long) value(line));
                } else if (line.startsWith("lectern_live_submissions_flush_lag_seconds")) {
                    flushLag = Math.round(value(line) * 1000);
                }
            }
            if (cpu < 0 && heapUsed == 0) {
                return Map.of();
            }
            // Sessions per node are in the status records only.
            return Map.of(node, new Sample(node, "?", -1, cpu, heapUsed, heapMax, false, flushLag));
        }

        private static double value(String line) {
            String[] parts = line.trim().split("\\s+");
            return Double.parseDouble(parts[parts.length - 1]);
        }

        @Override
        public String source() {
            return metrics.toString();
        }

        @Override
        public void close() {
            // the JDK 17 HttpClient has no close; it ends with its last reference
        }
    }
}
