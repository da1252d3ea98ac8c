package org.lectern.node.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a member list in CSV (RFC 4180 through Apache Commons CSV): a header {@code login,name,role[,password]},
 * then one member per record. Fields may be quoted ({@code "Doe, Jane"}, {@code ""} for a quote, line breaks
 * inside quotes). Every record is checked before anything is enrolled, and all bad ones are reported together,
 * so an instructor fixes the file in one go; only a broken quote stops the reading, as nothing after it can be
 * told apart reliably.
 */
final class MemberCsv {

    /** What a login may look like: the users table allows 50 characters; e-mail addresses fit. */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{1,50}");
    static final int MAX_NAME = 100;
    static final int MAX_PASSWORD = 100;

    /**
     * Spaces around fields are dropped, inside quotes kept. Empty lines are read as records (and skipped here)
     * so that the parser's line count stays the line count of the file.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

    private MemberCsv() {
    }

    /** One member to enrol, from the record starting on line {@code line} of the file (the header is line 1). */
    record Row(int line, String login, String name, CourseRole role, String password) {
    }

    /**
     * A record that cannot be enrolled, and why: {@code line} where the record starts, {@code column} the
     * 1-based CSV column at fault, or {@code null} when the whole record is (wrong number of fields, a broken
     * quote, the header).
     */
    record LineError(int line, Integer column, String error) {

        LineError(int line, String error) {
            this(line, null, error);
        }

        String where() {
            return column == null ? "line " + line : "line " + line + ", column " + column;
        }
    }

    static List<Row> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Records records = new Records(parser);
            CSVRecord header = records.nextNonBlank();
            if (header == null && records.brokenQuote() != null) {
                throw new CsvRejectedException(List.of(records.brokenQuote()));
            }
            if (header == null) {
                throw new CsvRejectedException(List.of(new LineError(1, "the file is empty; expected the header "
                        + "login,name,role[,password]")));
            }
            List<String> columns = header.toList();
            boolean withPassword = columns.size() == 4;
            if (columns.size() < 3 || columns.size() > 4 || !columns.get(0).equalsIgnoreCase("login")
                    || !columns.get(1).equalsIgnoreCase("name") || !columns.get(2).equalsIgnoreCase("role")
                    || withPassword && !columns.get(3).equalsIgnoreCase("password")) {
                throw new CsvRejectedException(List.of(new LineError(records.startLine(),
                        "the header must be login,name,role or login,name,role,password")));
            }
            Map<String, Integer> firstLineOfLogin = new HashMap<>();
            for (CSVRecord record = records.nextNonBlank(); record != null; record = records.nextNonBlank()) {
                int line = records.startLine();
                List<String> fields = record.toList();
                if (fields.size() != columns.size()) {
                    errors.add(new LineError(line, "expected " + columns.size() + " fields, found " + fields.size()));
                    continue;
                }
                LineError problem = check(line, fields, withPassword);
                if (problem != null) {
                    errors.add(problem);
                    continue;
                }
                String login = fields.get(0);
                Integer earlier = firstLineOfLogin.putIfAbsent(login.toLowerCase(Locale.ROOT), line);
                if (earlier != null) {
                    errors.add(new LineError(line, 1, "login " + login + " appears already on line " + earlier));
                    continue;
                }
                String password = withPassword && !fields.get(3).isEmpty() ? fields.get(3) : null;
                rows.add(new Row(line, login, fields.get(1),
                        CourseRole.valueOf(fields.get(2).toUpperCase(Locale.ROOT)), password));
            }
            if (records.brokenQuote() != null) {
                errors.add(records.brokenQuote());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
        if (!errors.isEmpty()) {
            throw new CsvRejectedException(errors);
        }
        return rows;
    }

    private static LineError check(int line, List<String> fields, boolean withPassword) {
        String login = fields.get(0);
        if (login.isEmpty()) {
            return new LineError(line, 1, "the login is empty");
        }
        if (login.length() > 50) {
            return new LineError(line, 1, "the login is longer than 50 characters");
        }
        if (!LOGIN.matcher(login).matches()) {
            return new LineError(line, 1, "the login may only contain letters, digits and . _ @ + -");
        }
        String name = fields.get(1);
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return new LineError(line, 2, "the name must have 1 to " + MAX_NAME + " characters");
        }
        String role = fields.get(2).toUpperCase(Locale.ROOT);
        if (!role.equals("STUDENT") && !role.equals("TUTOR") && !role.equals("INSTRUCTOR")) {
            return new LineError(line, 3, "unknown role '" + fields.get(2) + "' (STUDENT, TUTOR or INSTRUCTOR)");
        }
        if (withPassword && fields.get(3).length() > MAX_PASSWORD) {
            return new LineError(line, 4, "the password is longer than " + MAX_PASSWORD + " characters");
        }
        return null;
    }

    /**
     * The parser's records with the line each starts on (a record may span lines), skipping blank ones, and
     * ending at a broken quote, which is remembered as an error of the record it is in.
     */
    private static final class Records {

        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private int startLine;
        private LineError brokenQuote;

        Records(CSVParser parser) {
            this.parser = parser;
            this.iterator = parser.iterator();
        }

        CSVRecord nextNonBlank() {
            while (brokenQuote == null) {
                startLine = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    CSVRecord record = iterator.next();
                    if (record.size() > 1 || !record.get(0).isBlank()) {
                        return record;
                    }
                } catch (UncheckedIOException e) {
                    // Commons CSV names the position in the whole file; the start line of the record is what
                    // an instructor looks for, and the parser tells no field.
                    brokenQuote = new LineError(startLine, "a quoted field is not closed, or text follows its "
                            + "closing quote before the next comma");
                }
            }
            return null;
        }

        int startLine() {
            return startLine;
        }

        LineError brokenQuote() {
            return brokenQuote;
        }
    }
}
