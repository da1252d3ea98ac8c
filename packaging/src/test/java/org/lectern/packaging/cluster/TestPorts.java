package org.lectern.packaging.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports for the packaging tests: never a fixed one. */
final class TestPorts {

    private TestPorts() {
    }

    /** Distinct free ports, all held open until every one is found. */
    static List<Integer> free(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
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
