package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.shared.testing.RequiredPrograms;

/**
 * The partition drill's cut with the real nftables on this machine's loopback: node 2 connecting from its own
 * outbound ports to node 1's member port, as a Hazelcast member does. Sockets stand in for the members because
 * what is under test is which packets the kernel drops, not Hazelcast.
 */
class PartitionIT {

    @TempDir
    Path base;

    private ClusterLayout layout;
    private Partition partition;
    private ServerSocket nodeOneMember;
    private final ExecutorService echo = Executors.newCachedThreadPool();
    private int nextOutboundPort;

    @BeforeEach
    void listen() throws IOException {
        RequiredPrograms.require(SystemPrograms.nft(), "nft", "nftables");
        layout = TestPorts.layout(base, base, 3);
        partition = new Partition(layout);
        nodeOneMember = new ServerSocket(layout.node(1).member(), 50, InetAddress.getLoopbackAddress());
        nextOutboundPort = Integer.parseInt(layout.outboundPorts(2).split("-")[0]);
        echo.submit(() -> {
            while (!nodeOneMember.isClosed()) {
                Socket peer = nodeOneMember.accept();
                echo.submit(() -> {
                    try (peer; InputStream in = peer.getInputStream(); OutputStream out = peer.getOutputStream()) {
                        out.write(in.read());
                    }
                    return null;
                });
            }
            return null;
        });
    }

    @AfterEach
    void heal() throws IOException {
        if (partition != null) {
            partition.heal();
        }
        if (nodeOneMember != null) {
            nodeOneMember.close();
        }
        echo.shutdownNow();
    }

    @Test
    void shouldCutTheNodesConnectionsToTheOthersOnlyAndHealThem() throws IOException {
        assertThat(roundTripFromNodeTwo()).isEqualTo(42);

        partition.cut(2);

        assertThatThrownBy(this::roundTripFromNodeTwo).isInstanceOf(SocketTimeoutException.class);
        assertThat(roundTripFrom(0)).as("a console or client on an ordinary port still gets through").isEqualTo(42);

        partition.heal();

        assertThat(roundTripFromNodeTwo()).isEqualTo(42);
    }

    @Test
    void shouldLeaveNothingBehindWhenHealedTwice() throws IOException {
        partition.cut(3);
        partition.heal();
        partition.heal();

        assertThat(roundTripFromNodeTwo()).isEqualTo(42);
    }

    private int roundTripFromNodeTwo() throws IOException {
        return roundTripFrom(nextOutboundPort++);
    }

    /** One byte to node 1's member port and back, from local port {@code localPort} (0: any). */
    private int roundTripFrom(int localPort) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), layout.node(1).member()), 1_000);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write(42);
            return socket.getInputStream().read();
        }
    }
}
