package org.lectern.node.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lectern.node.cluster.NodeProperties;
import org.lectern.node.cluster.NodeWeightBoard;

class NodeWeightTest {

    private final MapBoard board = new MapBoard();
    private final MapStore store = new MapStore();

    private NodeWeight start(Integer configured, int processors) {
        return new NodeWeight(new NodeProperties("node-1", configured), board, store, processors);
    }

    @Nested
    class Starting {

        @ParameterizedTest
        @CsvSource({"1, 1", "2, 1", "4, 1", "7, 1", "8, 2", "12, 3", "64, 16"})
        void shouldTakeOneUnitPerFourProcessorsWhenNothingIsSet(int processors, int expected) {
            assertThat(start(null, processors).weight()).isEqualTo(expected);
        }

        @Test
        void shouldTakeTheConfiguredWeightWhenNoOperatorSetOne() {
            assertThat(start(5, 16).weight()).isEqualTo(5);
        }

        @Test
        void shouldTakeTheStoredWeightWhenTheClusterHasNone() {
            store.weights.put("node-1", 7);

            assertThat(start(5, 16).weight()).isEqualTo(7);
        }

        @Test
        void shouldTakeAndStoreTheClusterWeightWhenTheClusterOutlivedTheNode() {
            store.weights.put("node-1", 7);
            board.weights.put("node-1", 9);

            assertThat(start(5, 16).weight()).isEqualTo(9);
            assertThat(store.weights).containsEntry("node-1", 9);
        }
    }

    @Nested
    class Changing {

        @Test
        void shouldStoreAndShareTheWeightWhenSet() {
            NodeWeight weight = start(null, 4);

            weight.setWeight(12);

            assertThat(weight.weight()).isEqualTo(12);
            assertThat(store.weights).containsEntry("node-1", 12);
            assertThat(board.weights).containsEntry("node-1", 12);
        }

        @Test
        void shouldFollowTheClusterWhenSomeoneElseSetsTheWeight() {
            NodeWeight weight = start(null, 4);

            board.set("node-1", 6);

            assertThat(weight.weight()).isEqualTo(6);
            assertThat(store.weights).containsEntry("node-1", 6);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 257})
        void shouldRefuseAndKeepTheWeightWhenOutOfRange(int wrong) {
            NodeWeight weight = start(2, 4);

            assertThatThrownBy(() -> weight.setWeight(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0..256");
            assertThat(weight.weight()).isEqualTo(2);
            assertThat(store.weights).isEmpty();
            assertThat(board.weights).isEmpty();
        }

        @Test
        void shouldIgnoreAnOutOfRangeWeightWhenSetInTheCluster() {
            NodeWeight weight = start(2, 4);

            board.set("node-1", 1000);

            assertThat(weight.weight()).isEqualTo(2);
            assertThat(store.weights).isEmpty();
        }
    }

    private static final class MapBoard implements NodeWeightBoard {

        final Map<String, Integer> weights = new HashMap<>();
        final Map<String, IntConsumer> listeners = new HashMap<>();

        @Override
        public OptionalInt find(String nodeId) {
            Integer weight = weights.get(nodeId);
            return weight == null ? OptionalInt.empty() : OptionalInt.of(weight);
        }

        @Override
        public void put(String nodeId, int weight) {
            weights.put(nodeId, weight);
        }

        @Override
        public void onChange(String nodeId, IntConsumer listener) {
            listeners.put(nodeId, listener);
        }

        void set(String nodeId, int weight) {
            weights.put(nodeId, weight);
            listeners.get(nodeId).accept(weight);
        }
    }

    private static final class MapStore extends NodeWeightStore {

        final Map<String, Integer> weights = new HashMap<>();

        MapStore() {
            super(null, null);
        }

        @Override
        OptionalInt find(String nodeId) {
            Integer weight = weights.get(nodeId);
            return weight == null ? OptionalInt.empty() : OptionalInt.of(weight);
        }

        @Override
        void save(String nodeId, int weight) {
            weights.put(nodeId, weight);
        }
    }
}
