package org.lectern.console.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.operations.AuditEntry;

/**
 * The operators' audit trail as the nodes show it in the cluster (the last week; the database keeps every line),
 * newest first, filtered by operator, node and kind, exportable as CSV. Lives on the FX thread; the cluster is read
 * and the file written on a worker.
 */
public final class AuditViewModel {

    /** The filter choice that lets every line through. */
    public static final String ALL = "(all)";

    static final String[] CSV_HEADER = {"time", "operator", "kind", "target", "argument", "outcome", "written_by",
        "message", "command_id"};
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Callable<List<AuditEntry>> source;
    private final BackgroundExecutor background;
    private final DateTimeFormatter time;
    private final ObservableList<AuditRow> all = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> shown = new FilteredList<>(all);
    private final ObservableList<String> operators = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> nodes = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> kinds = FXCollections.observableArrayList(ALL);
    private final StringProperty operatorFilter = new SimpleStringProperty(this, "operatorFilter", ALL);
    private final StringProperty nodeFilter = new SimpleStringProperty(this, "nodeFilter", ALL);
    private final StringProperty kindFilter = new SimpleStringProperty(this, "kindFilter", ALL);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not read yet");
    private final ReadOnlyStringWrapper exportResult = new ReadOnlyStringWrapper(this, "exportResult", "");
    private boolean fetching;

    /**
     * @param source     the audit lines in the cluster; blocks, so it runs on a worker
     * @param background runs the reads and the export off the FX thread
     * @param zone       the operator's time zone
     */
    public AuditViewModel(Callable<List<AuditEntry>> source, BackgroundExecutor background, ZoneId zone) {
        this.source = source;
        this.background = background;
        this.time = TIME.withZone(zone);
        operatorFilter.addListener((observable, before, after) -> filter());
        nodeFilter.addListener((observable, before, after) -> filter());
        kindFilter.addListener((observable, before, after) -> filter());
    }

    /** The lines that pass the filters, newest first. */
    public ObservableList<AuditRow> rows() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    /** {@link #ALL} and every operator in the trail. */
    public ObservableList<String> operators() {
        return FXCollections.unmodifiableObservableList(operators);
    }

    /** {@link #ALL} and every target node in the trail. */
    public ObservableList<String> nodes() {
        return FXCollections.unmodifiableObservableList(nodes);
    }

    /** {@link #ALL} and every kind of command in the trail. */
    public ObservableList<String> kinds() {
        return FXCollections.unmodifiableObservableList(kinds);
    }

    public StringProperty operatorFilterProperty() {
        return operatorFilter;
    }

    /** Matches the node the command was for. */
    public StringProperty nodeFilterProperty() {
        return nodeFilter;
    }

    public StringProperty kindFilterProperty() {
        return kindFilter;
    }

    /** How many lines are shown of how many, or why none could be read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last export did. */
    public ReadOnlyStringProperty exportResultProperty() {
        return exportResult.getReadOnlyProperty();
    }

    /** Reads the trail again; a request while one is under way is dropped. */
    public void refresh() {
        if (fetching) {
            return;
        }
        fetching = true;
        background.run(source, entries -> {
            fetching = false;
            apply(entries);
        }, failure -> {
            fetching = false;
            summary.set("Cannot read the audit trail: " + failure.getMessage());
        });
    }

    void apply(Collection<AuditEntry> entries) {
        List<AuditRow> fresh = entries.stream()
                .sorted(Comparator.comparingLong(AuditEntry::atMillis).reversed()
                        .thenComparing(AuditEntry::commandId))
                .map(this::row)
                .toList();
        if (!fresh.equals(all)) {
            all.setAll(fresh);
        }
        choices(operators, fresh, AuditRow::operator, operatorFilter.get());
        choices(nodes, fresh, AuditRow::target, nodeFilter.get());
        choices(kinds, fresh, AuditRow::kind, kindFilter.get());
        filter();
    }

    /**
     * Writes the lines shown (filters applied) to {@code file} as CSV, on a worker; {@link #exportResultProperty()}
     * says how it went.
     */
    public void export(Path file) {
        List<AuditRow> lines = List.copyOf(shown);
        background.run(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(lines, out);
            }
            return lines.size();
        }, count -> exportResult.set("Exported " + count + " lines to " + file),
                failure -> exportResult.set("Could not export to " + file + ": " + failure.getMessage()));
    }

    static void write(List<AuditRow> lines, Writer out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (AuditRow line : lines) {
                // ISO-8601 with offset, so a spreadsheet in another zone reads the same moment.
                printer.printRecord(Instant.ofEpochMilli(line.atMillis()).toString(), line.operator(), line.kind(),
                        line.target(), line.argument(), line.outcome(), line.writtenBy(), line.message(),
                        line.commandId());
            }
        }
    }

    private AuditRow row(AuditEntry entry) {
        return new AuditRow(entry.commandId(), entry.atMillis(), time.format(Instant.ofEpochMilli(entry.atMillis())),
                text(entry.operator()), text(entry.kind()), text(entry.targetNodeId()), text(entry.argument()),
                text(entry.outcome()), text(entry.nodeId()), text(entry.message()));
    }

    /** Lines written by an older node may lack a field; a blank cell says so better than "null". */
    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private void filter() {
        String operator = operatorFilter.get();
        String node = nodeFilter.get();
        String kind = kindFilter.get();
        shown.setPredicate(row -> matches(operator, row.operator()) && matches(node, row.target())
                && matches(kind, row.kind()));
        summary.set(shown.size() == all.size()
                ? all.size() + " audit lines (the cluster keeps a week; the database keeps all)"
                : shown.size() + " of " + all.size() + " audit lines");
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(ALL) || filter.equals(value);
    }

    /** Keeps the list's order stable and the operator's current choice in it, even when no line has it any more. */
    private static void choices(ObservableList<String> choices, List<AuditRow> rows, Function<AuditRow, String> value,
            String current) {
        TreeSet<String> values = new TreeSet<>();
        rows.forEach(row -> values.add(value.apply(row)));
        if (current != null && !current.equals(ALL)) {
            values.add(current);
        }
        List<String> fresh = new ArrayList<>();
        fresh.add(ALL);
        fresh.addAll(values);
        if (!fresh.equals(choices)) {
            choices.setAll(fresh);
        }
    }
}
