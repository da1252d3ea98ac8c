package org.lectern.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;

class AuditViewModelTest {

    static final long T0 = 1_790_000_000_000L;

    static final List<AuditEntry> TRAIL = List.of(
            new AuditEntry("c1", T0, "olga", CommandKind.DRAIN, "node-1", "", CommandOutcome.COMPLETED, "node-1",
                    "drained: 0 sessions left"),
            new AuditEntry("c2", T0 + 60_000, "pavel", CommandKind.SET_WEIGHT, "node-2", "42", CommandOutcome.COMPLETED,
                    "node-2", "weight 42"),
            new AuditEntry("c3", T0 + 120_000, "olga", CommandKind.SET_WEIGHT, "node-1", "300",
                    CommandOutcome.REJECTED, "node-1", "weight must be 0..256, \"300\" given"),
            new AuditEntry("c4", T0 + 180_000, "olga", CommandKind.SET_SETTING, "*", "quiz.grace=5",
                    CommandOutcome.COMPLETED, "node-2", "applied, on\nall nodes"));

    private final List<AuditEntry> cluster = new ArrayList<>(TRAIL);
    private final AuditViewModel viewModel = new AuditViewModel(() -> List.copyOf(cluster),
            new SynchronousBackgroundExecutor(), ZoneOffset.UTC);

    @Nested
    class Reading {

        @Test
        void shouldShowNewestFirstWithWhoWhatWhereWhenAndOutcome() {
            viewModel.refresh();

            assertThat(viewModel.rows()).extracting(AuditRow::commandId).containsExactly("c4", "c3", "c2", "c1");
            AuditRow drain = viewModel.rows().get(3);
            assertThat(drain.at()).isEqualTo("2026-09-21 14:13:20");
            assertThat(drain).extracting(AuditRow::operator, AuditRow::kind, AuditRow::target, AuditRow::outcome)
                    .containsExactly("olga", "DRAIN", "node-1", "COMPLETED");
            assertThat(viewModel.summaryProperty().get()).startsWith("4 audit lines");
        }

        @Test
        void shouldOfferEveryOperatorNodeAndKindOnceAsFilterChoices() {
            viewModel.refresh();

            assertThat(viewModel.operators()).containsExactly(AuditViewModel.ALL, "olga", "pavel");
            assertThat(viewModel.nodes()).containsExactly(AuditViewModel.ALL, "*", "node-1", "node-2");
            assertThat(viewModel.kinds()).containsExactly(AuditViewModel.ALL, "DRAIN", "SET_SETTING", "SET_WEIGHT");
        }

        @Test
        void shouldSayWhyWhenTheClusterCannotBeRead() {
            AuditViewModel failing = new AuditViewModel(() -> {
                throw new IllegalStateException("Not connected to a cluster");
            }, new SynchronousBackgroundExecutor(), ZoneOffset.UTC);

            failing.refresh();

            assertThat(failing.summaryProperty().get())
                    .isEqualTo("Cannot read the audit trail: Not connected to a cluster");
            assertThat(failing.rows()).isEmpty();
        }

        @Test
        void shouldShowNewLinesWhenReadAgain() {
            viewModel.refresh();
            cluster.add(new AuditEntry("c5", T0 + 240_000, "pavel", CommandKind.UNDRAIN, "node-1", "",
                    CommandOutcome.ACCEPTED, "node-1", "accepted"));

            viewModel.refresh();

            assertThat(viewModel.rows()).extracting(AuditRow::commandId).startsWith("c5", "c4");
        }
    }

    @Nested
    class Filtering {

        @Test
        void shouldShowOnlyTheLinesOfAllThreeFiltersWhenSet() {
            viewModel.refresh();

            viewModel.operatorFilterProperty().set("olga");
            assertThat(viewModel.rows()).extracting(AuditRow::commandId).containsExactly("c4", "c3", "c1");
            viewModel.nodeFilterProperty().set("node-1");
            assertThat(viewModel.rows()).extracting(AuditRow::commandId).containsExactly("c3", "c1");
            viewModel.kindFilterProperty().set("SET_WEIGHT");
            assertThat(viewModel.rows()).extracting(AuditRow::commandId).containsExactly("c3");
            assertThat(viewModel.summaryProperty().get()).isEqualTo("1 of 4 audit lines");

            viewModel.operatorFilterProperty().set(AuditViewModel.ALL);
            viewModel.nodeFilterProperty().set(AuditViewModel.ALL);
            assertThat(viewModel.rows()).extracting(AuditRow::commandId).containsExactly("c3", "c2");
        }

        @Test
        void shouldKeepTheChosenOperatorWhenTheirLinesHaveExpired() {
            viewModel.refresh();
            viewModel.operatorFilterProperty().set("pavel");
            cluster.removeIf(entry -> entry.operator().equals("pavel"));

            viewModel.refresh();

            assertThat(viewModel.operators()).contains("pavel");
            assertThat(viewModel.rows()).isEmpty();
        }
    }

    @Nested
    class Exporting {

        @TempDir
        Path directory;

        @Test
        void shouldWriteTheFilteredLinesAsCsvThatReadsBackWithQuotesAndLineBreaks() throws Exception {
            viewModel.refresh();
            viewModel.operatorFilterProperty().set("olga");
            Path file = directory.resolve("audit.csv");

            viewModel.export(file);

            assertThat(viewModel.exportResultProperty().get()).isEqualTo("Exported 3 lines to " + file);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
            assertThat(records).extracting(record -> record.get("command_id")).containsExactly("c4", "c3", "c1");
            assertThat(records.get(0).get("message")).isEqualTo("applied, on\nall nodes");
            assertThat(records.get(1).get("message")).isEqualTo("weight must be 0..256, \"300\" given");
            assertThat(records.get(2).get("time")).isEqualTo("2026-09-21T14:13:20Z");
            assertThat(records.get(2).toMap()).containsEntry("operator", "olga").containsEntry("kind", "DRAIN")
                    .containsEntry("target", "node-1").containsEntry("outcome", "COMPLETED");
        }

        @Test
        void shouldSayWhyWhenTheFileCannotBeWritten() {
            viewModel.refresh();
            Path file = directory.resolve("no-such-folder").resolve("audit.csv");

            viewModel.export(file);

            assertThat(viewModel.exportResultProperty().get()).startsWith("Could not export to " + file);
        }
    }
}
