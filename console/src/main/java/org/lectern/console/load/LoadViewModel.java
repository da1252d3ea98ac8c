package org.lectern.console.load;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.cluster.NodeStatus;

/** The last 30 minutes of load per node, sampled every few seconds, for the live charts. */
public final class LoadViewModel {

    public static final Duration WINDOW = Duration.ofMinutes(30);
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private final LoadSampler sampler;
    private final BackgroundExecutor background;
    private final Clock clock;
    private final Map<String, Deque<LoadSample>> samples = new TreeMap<>();
    private final ReadOnlyObjectWrapper<Map<String, List<LoadSample>>> history =
            new ReadOnlyObjectWrapper<>(this, "history", Map.of());
    private long lastSampleMillis;
    private boolean sampled;
    private boolean sampling;

    public LoadViewModel(LoadSampler sampler, BackgroundExecutor background, Clock clock) {
        this.sampler = sampler;
        this.background = background;
        this.clock = clock;
    }

    /** Node id to its samples, oldest first; replaced as a whole on every sample. */
    public ReadOnlyObjectProperty<Map<String, List<LoadSample>>> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** Called with every cluster snapshot; samples at most once per {@link #INTERVAL}. */
    public void update(Map<String, NodeStatus> nodes) {
        long now = clock.millis();
        if (sampling || sampled && now - lastSampleMillis < INTERVAL.toMillis()) {
            return;
        }
        sampling = true;
        sampled = true;
        lastSampleMillis = now;
        List<NodeStatus> current = List.copyOf(nodes.values());
        background.run(() -> sampler.sample(current, now), taken -> {
            sampling = false;
            apply(taken, now);
        }, failure -> sampling = false);
    }

    void apply(List<LoadSample> taken, long now) {
        for (LoadSample sample : taken) {
            samples.computeIfAbsent(sample.nodeId(), id -> new ArrayDeque<>()).addLast(sample);
        }
        long oldest = now - WINDOW.toMillis();
        samples.values().forEach(deque -> {
            while (!deque.isEmpty() && deque.peekFirst().atMillis() < oldest) {
                deque.removeFirst();
            }
        });
        samples.values().removeIf(Deque::isEmpty);
        Map<String, List<LoadSample>> copy = new TreeMap<>();
        samples.forEach((node, deque) -> copy.put(node, List.copyOf(deque)));
        history.set(copy);
    }
}
