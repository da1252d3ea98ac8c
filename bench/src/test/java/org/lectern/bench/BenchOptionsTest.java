package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {

    @Nested
    class Parsing {

        @Test
        void shouldTakeStudentsMinutesAndUrlWhenGiven() {
            BenchOptions options = BenchOptions.parse(List.of("--students", "500", "--minutes", "2", "--url",
                    "http://127.0.0.1:9090/"));

            assertThat(options.students()).isEqualTo(500);
            assertThat(options.hold()).isEqualTo(Duration.ofMinutes(2));
            assertThat(options.url()).hasToString("http://127.0.0.1:9090");
        }

        @Test
        void shouldKeepTheDefaultsWhenNothingIsGiven() {
            BenchOptions options = BenchOptions.parse(List.of());

            assertThat(options).isEqualTo(BenchOptions.defaults());
            assertThat(options.autosave()).isEqualTo(Duration.ofSeconds(30));
            assertThat(options.url()).hasToString("http://127.0.0.1:8080");
        }

        @Test
        void shouldStartTheQuizHalfWayThroughTheHoldWhenNoTimeIsGiven() {
            BenchOptions options = BenchOptions.parse(List.of("--minutes", "4"));

            assertThat(options.quizStart()).isEqualTo(Duration.ofMinutes(2));
        }

        @Test
        void shouldBoundTheGeneratorsConnectionsAtAThousandUnlessToldOtherwise() {
            assertThat(BenchOptions.defaults().connections()).isEqualTo(1_000);
            assertThat(BenchOptions.parse(List.of("--connections", "200")).connections()).isEqualTo(200);
        }

        @Test
        void shouldTurnOffTheClusterSamplerWhenHazelcastIsNone() {
            assertThat(BenchOptions.parse(List.of("--hazelcast", "none")).hazelcast()).isNull();
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseFewerThanThreeConnectionsSinceLoginsAndQuizAnswersHaveShares() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--connections", "1")))
                    .isInstanceOf(BenchOptions.BadOption.class)
                    .hasMessage("--connections needs a whole number from 3 to 20000, got '1'");
        }

        @Test
        void shouldRefuseAStudentCountThatIsNoNumber() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--students", "many")))
                    .isInstanceOf(BenchOptions.BadOption.class)
                    .hasMessage("--students needs a whole number from 1 to 20000, got 'many'");
        }

        @Test
        void shouldRefuseZeroStudents() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--students", "0")))
                    .hasMessageContaining("from 1 to 20000");
        }

        @Test
        void shouldRefuseAnUnknownOption() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--users", "5")))
                    .hasMessage("unknown option '--users' (see ./lectern help)");
        }

        @Test
        void shouldRefuseAnOptionWithoutValue() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--students")))
                    .hasMessage("--students needs a value");
        }

        @Test
        void shouldRefuseAUrlWithAPath() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--url", "http://host:80/api")))
                    .hasMessageContaining("--url must look like http://HOST:PORT");
        }

        @Test
        void shouldRefuseAJdbcUrlOfAnotherDatabase() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--jdbc", "jdbc:h2:mem:x")))
                    .hasMessageContaining("PostgreSQL JDBC URL");
        }

        @Test
        void shouldTakeTheCertificateToTrustWhenGivenAFile(@TempDir Path directory) throws Exception {
            Path pem = Files.writeString(directory.resolve("cluster.pem"), "-----BEGIN CERTIFICATE-----\n");

            assertThat(BenchOptions.parse(List.of("--url", "https://127.0.0.1:8443", "--ca", pem.toString())).ca())
                    .isEqualTo(pem);
        }

        @Test
        void shouldRefuseACertificateFileThatIsNotThere() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--ca", "/no/such/cluster.pem")))
                    .hasMessage("--ca needs a readable PEM file, got '/no/such/cluster.pem'");
        }

        @Test
        void shouldRefuseAQuizShorterThanTheNodeAllows() {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--quiz-seconds", "5")))
                    .hasMessageContaining("--quiz-seconds needs a whole number from 10");
        }
    }
}
