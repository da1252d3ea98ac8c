package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Cuts one node's Hazelcast traffic off from the other nodes with an nftables table of our own, and heals it by
 * deleting that table. Every node connects to the others from its own range of local ports
 * ({@link ClusterLayout#outboundPorts(int)}), so a rule on ports tells the nodes apart although all share
 * 127.0.0.1. Only member-to-member traffic is cut: students, HAProxy, the broker, the database and consoles still
 * reach the node, as when a switch port between the nodes fails. Network namespaces would isolate more, but would
 * move each node to its own address and change how everything else reaches it.
 */
final class Partition {

    /** Ours alone, so healing never touches anybody else's rules. */
    static final String TABLE = "lectern_partition";

    private final ClusterLayout layout;

    Partition(ClusterLayout layout) {
        this.layout = layout;
    }

    /**
     * The ruleset that cuts node {@code k} off: packets from its member or outbound ports to another node's, and
     * the other way round, are dropped (silently, as a dead link: no reset tells anyone at once).
     */
    String ruleset(int k) {
        layout.node(k);
        String cutOff = ports(List.of(k));
        String others = ports(IntStream.rangeClosed(1, layout.nodes().size()).filter(n -> n != k).boxed().toList());
        return "table inet " + TABLE + " {\n"
                + "  chain output {\n"
                + "    type filter hook output priority filter; policy accept;\n"
                + "    tcp sport { " + cutOff + " } tcp dport { " + others + " } drop\n"
                + "    tcp sport { " + others + " } tcp dport { " + cutOff + " } drop\n"
                + "  }\n"
                + "}\n";
    }

    private String ports(List<Integer> nodes) {
        return nodes.stream().map(n -> layout.node(n).member() + ", " + layout.outboundPorts(n))
                .collect(Collectors.joining(", "));
    }

    void cut(int k) {
        if (layout.nodes().size() < 2) {
            throw new ClusterException("a partition needs two nodes or more; this cluster has one");
        }
        heal(); // one cut at a time: a table left by an interrupted drill goes first
        nft(ruleset(k), "-f", "-");
    }

    /** Removes the cut, if there is one. */
    void heal() {
        Path nft = program();
        try {
            Process list = new ProcessBuilder(nft.toString(), "list", "table", "inet", TABLE)
                    .redirectErrorStream(true).start();
            list.getInputStream().readAllBytes();
            if (list.waitFor() == 0) {
                nft(null, "delete", "table", "inet", TABLE);
            }
        } catch (IOException e) {
            throw new ClusterException("could not run nft: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while healing the partition; run ./lectern cluster heal", e);
        }
    }

    private void nft(String input, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new ClusterException("nft " + String.join(" ", args) + " failed: " + output
                        + (SystemPrograms.isRoot() ? "" : " (packet filtering needs root: run it with sudo)"));
            }
        } catch (IOException e) {
            throw new ClusterException("could not run nft: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while running nft", e);
        }
    }

    private static Path program() {
        return SystemPrograms.nft().orElseThrow(() -> new ClusterException("a partition needs nftables: install with `"
                + SystemPrograms.installCommand("nftables") + "`"));
    }
}
