package org.lectern.shared.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports nobody listens on, for tests that start servers, members and relays beside each other and beside
 * a running demo. Drawn below the kernel's range for outgoing connections ({@code net.ipv4.ip_local_port_range},
 * from 32768 on Linux), not by binding port 0, which picks from inside it: there, any outgoing connection may take
 * the port before the test binds it. CI saw exactly that when a Hazelcast member's attempt to reach a peer not yet
 * started took the port of the next member to start. Never the same port twice in one JVM.
 */
public final class FreePorts {

    /** Above the fixed ports of a local cluster and the demo (all below 10,000), and of the outbound ports tested. */
    static final int LOWEST = 21_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_EPHEMERAL_START = 32_768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port between " + LOWEST + " and " + end);
    }

    /** Where the kernel's outgoing ports start; the Linux default where it does not say. */
    static int ephemeralStart() {
        try {
            int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : LINUX_EPHEMERAL_START;
        } catch (IOException | RuntimeException unreadable) {
            return LINUX_EPHEMERAL_START;
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
