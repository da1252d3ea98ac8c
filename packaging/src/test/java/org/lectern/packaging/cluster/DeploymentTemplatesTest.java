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
    private static final String PRODUCTION_CERTIFICATE = "/etc/haproxy/certs/lectern.pem";

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

        /** With a certificate where the template expects one and the stats password in the environment. */
        @Test
        void shouldPassHaproxysOwnCheckWhenProductionTemplate(@TempDir Path directory) throws Exception {
            CheckResult check = check(directory, "a-password");

            assertThat(check.exitValue()).as(check.output()).isZero();
        }

        @Test
        void shouldRefuseToStartWithoutTheStatsPasswordWhenProductionTemplate(@TempDir Path directory)
                throws Exception {
            CheckResult unset = check(directory, null);
            CheckResult empty = check(directory, "");

            assertThat(unset.exitValue()).isNotZero();
            assertThat(unset.output()).contains("LECTERN_STATS_PASSWORD is not set");
            assertThat(empty.exitValue()).isNotZero();
            assertThat(empty.output()).contains("LECTERN_STATS_PASSWORD is empty");
        }

        /** {@code haproxy -c} on the template, with a certificate where it expects one. */
        private CheckResult check(Path directory, String statsPassword) throws Exception {
            Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
            ClusterLayout layout = ClusterLayout.defaults(directory, 3, ClusterLayout.DEFAULT_FRONT_PORT);
            ClusterTls.ensureCertificate(layout);
            String template = Files.readString(CONFIG.resolve("haproxy/haproxy.cfg"));
            assertThat(template).contains(PRODUCTION_CERTIFICATE);
            Path config = Files.writeString(directory.resolve("haproxy.cfg"),
                    template.replace(PRODUCTION_CERTIFICATE, layout.certificateAndKey().toString()));
            ProcessBuilder builder = new ProcessBuilder(haproxy.toString(), "-c", "-f", config.toString())
                    .redirectErrorStream(true);
            builder.environment().remove("LECTERN_STATS_PASSWORD");
            if (statsPassword != null) {
                builder.environment().put("LECTERN_STATS_PASSWORD", statsPassword);
            }
            Process check = builder.start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new CheckResult(check.exitValue(), output);
        }

        @Test
        void shouldServeStudentsOverTlsOnlyAndGuardTheStatsPageWhenProductionTemplate() throws Exception {
            String template = Files.readString(CONFIG.resolve("haproxy/haproxy.cfg"));

            assertThat(template.lines().map(String::strip).filter(line -> !line.startsWith("#")))
                    .contains("bind :443 ssl crt " + PRODUCTION_CERTIFICATE + " alpn h2,http/1.1",
                            "http-request redirect scheme https code 301 unless { ssl_fc }",
                            "bind 10.0.0.10:8404 ssl crt " + PRODUCTION_CERTIFICATE,
                            "stats auth \"operator:${LECTERN_STATS_PASSWORD}\"");
        }
    }

    private record CheckResult(int exitValue, String output) {
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
