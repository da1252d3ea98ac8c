package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.HAPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.shared.testing.RequiredPrograms;

/** The configuration files operators copy are read by the programs that will read them in production. */
class DeploymentTemplatesTest {

    private static final Path HOME = Path.of(System.getProperty("lectern.home", "..")).toAbsolutePath().normalize();
    private static final Path CONFIG = HOME.resolve("packaging/config");

    @Nested
    class BrokerPair {

        @Test
        void shouldMakeThePrimaryReplicateToItsBackupWhenArtemisReadsIt() throws Exception {
            FileConfiguration primary = read(CONFIG.resolve("broker/primary/broker.xml"));

            assertThat(primary.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicatedPolicyConfiguration.class,
                    policy -> assertThat(policy.isCheckForActiveServer()).isTrue());
            assertThat(primary.isSecurityEnabled()).isTrue();
            assertThat(acceptorNames(primary)).containsExactlyInAnyOrder("stomp", "cluster");
            assertThat(primary.getClusterConfigurations()).singleElement()
                    .satisfies(cluster -> assertThat(cluster.getStaticConnectors()).containsExactly("backup"));
        }

        @Test
        void shouldMakeTheBackupAReplicaThatFailsBackWhenArtemisReadsIt() throws Exception {
            FileConfiguration backup = read(CONFIG.resolve("broker/backup/broker.xml"));

            assertThat(backup.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicaPolicyConfiguration.class,
                    policy -> assertThat(policy.isAllowFailBack()).isTrue());
            assertThat(acceptorNames(backup)).containsExactlyInAnyOrder("stomp", "cluster");
            assertThat(backup.getClusterConfigurations()).singleElement()
                    .satisfies(cluster -> assertThat(cluster.getStaticConnectors()).containsExactly("primary"));
        }
    }

    @Nested
    class LocalBroker {

        @Test
        void shouldOfferStompOnlyWhenTheLocalClusterWritesIt(@TempDir Path directory) throws Exception {
            Path file = directory.resolve("broker.xml");
            Files.writeString(file, Broker.template("broker.xml").replace("{{DATA_DIR}}", directory.toString())
                    .replace("{{HOST}}", "127.0.0.1").replace("{{STOMP_PORT}}", "61999"));

            FileConfiguration local = read(file);

            assertThat(local.getHAPolicyConfiguration().getType()).isEqualTo(HAPolicyConfiguration.TYPE.PRIMARY_ONLY);
            assertThat(acceptorNames(local)).containsExactly("stomp");
            assertThat(local.getAcceptorConfigurations()).singleElement().satisfies(acceptor -> assertThat(
                    acceptor.getParams()).containsEntry("port", "61999").containsEntry("protocols", "STOMP"));
        }
    }

    @Nested
    class Haproxy {

        @Test
        void shouldPassHaproxysOwnCheckWhenProductionTemplate() throws Exception {
            Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");

            Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f",
                    CONFIG.resolve("haproxy/haproxy.cfg").toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
        }
    }

    /**
     * The shipped nftables rules open exactly the ports docs/security.md lists, each only to the machines it names
     * ({@code nft} itself needs root and a kernel to check them, so their text is read here).
     */
    @Nested
    class Firewall {

        @Test
        void shouldOpenOnlyHaproxyToEveryoneWhenTheBalancerRulesAreRead() throws Exception {
            assertThat(accepted("balancer.nft")).containsExactly(
                    "anyone: 80, 443",
                    "$operators: 22, 8404");
        }

        @Test
        void shouldOpenTheNodePortsOnlyToTheClusterWhenTheNodeRulesAreRead() throws Exception {
            assertThat(accepted("node.nft")).containsExactly(
                    "$balancer: 8080, 8081, 8082",
                    "$prometheus: 8080",
                    "$node1, $node2, $node3: 5701",
                    "$operators: 22, 5701");
        }

        @Test
        void shouldOpenTheBrokerOnlyToNodesBrokersAndOperatorsWhenTheBrokerRulesAreRead() throws Exception {
            assertThat(accepted("broker.nft")).containsExactly(
                    "$node1, $node2, $node3: 61613",
                    "$broker_primary, $broker_backup: 61616",
                    "$operators: 22, 1099");
        }

        @Test
        void shouldOpenTheDatabaseOnlyToTheNodesWhenTheDatabaseRulesAreRead() throws Exception {
            assertThat(accepted("database.nft")).containsExactly(
                    "$node1, $node2, $node3: 5432",
                    "$operators: 22");
        }

        @Test
        void shouldDropEverythingElseAndDefineEveryAddressUsedWhenAnyRulesAreRead() throws Exception {
            String addresses = Files.readString(CONFIG.resolve("firewall/addresses.nft"));
            for (String file : List.of("balancer.nft", "node.nft", "broker.nft", "database.nft")) {
                String rules = Files.readString(CONFIG.resolve("firewall/" + file));

                assertThat(rules).as(file).contains("policy drop;",
                        "include \"/etc/nftables.d/lectern-addresses.nft\"");
                Matcher variable = Pattern.compile("\\$(\\w+)").matcher(rules);
                while (variable.find()) {
                    assertThat(addresses).as(file).containsPattern("(?m)^define " + variable.group(1) + " = ");
                }
            }
        }

        /** Each {@code tcp dport} rule as "source: ports". */
        private static List<String> accepted(String file) throws Exception {
            Pattern rule = Pattern.compile(
                    "(?m)^\\s*(?:ip saddr (\\{[^}]*}|\\S+) )?tcp dport (\\{[^}]*}|\\d+) accept$");
            Matcher matcher = rule.matcher(Files.readString(CONFIG.resolve("firewall/" + file)));
            List<String> accepted = new ArrayList<>();
            while (matcher.find()) {
                String source = matcher.group(1) == null ? "anyone" : matcher.group(1).replaceAll("[{}]", "").strip();
                accepted.add(source + ": " + matcher.group(2).replaceAll("[{}]", "").strip());
            }
            return accepted;
        }
    }

    private static FileConfiguration read(Path file) throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(file.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        return configuration;
    }

    private static List<String> acceptorNames(FileConfiguration configuration) {
        return configuration.getAcceptorConfigurations().stream().map(TransportConfiguration::getName).toList();
    }
}
