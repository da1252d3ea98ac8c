package org.lectern.packaging.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lectern.shared.testing.FreePorts;

/** Free loopback ports for the packaging tests: never a fixed one. */
final class TestPorts {

    private TestPorts() {
    }

    /** Distinct free ports ({@link FreePorts}: below the kernel's range for outgoing connections). */
    static List<Integer> free(int count) {
        return Stream.generate(FreePorts::next).limit(count).toList();
    }

    static boolean isFree(int port) {
        return FreePorts.isFree(port);
    }

    /** A layout on free ports in {@code base}, with the jars of {@code home}. */
    static ClusterLayout layout(java.nio.file.Path home, java.nio.file.Path base, int nodeCount) throws IOException {
        List<Integer> ports = free(6 + 4 * nodeCount);
        List<ClusterLayout.NodePorts> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new ClusterLayout.NodePorts(ports.get(6 + 4 * i), ports.get(7 + 4 * i), ports.get(8 + 4 * i),
                    ports.get(9 + 4 * i)));
        }
        return new ClusterLayout(home, base, ports.get(0), ports.get(5), ports.get(1), ports.get(2), ports.get(3),
                ports.get(4), nodes);
    }
}
