package org.lectern.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldHandOutDistinctBindablePortsBelowTheKernelsOutgoingRange() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports).hasSize(200).allSatisfy(port -> assertThat(port)
                .isBetween(FreePorts.LOWEST, FreePorts.ephemeralStart() - 1));
        int port = ports.iterator().next();
        try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(bound.getLocalPort()).isEqualTo(port);
            assertThat(FreePorts.isFree(port)).isFalse();
        }
    }
}
