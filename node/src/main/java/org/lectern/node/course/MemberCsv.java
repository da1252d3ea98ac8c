package org.lectern.node.course;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a member list in CSV: a header {@code login,name,role[,password]}, then one member per line. Fields may
 * be quoted ({@code "Doe, Jane"}, with {@code ""} for a quote). Every line is checked before anything is
 * enrolled, and all bad lines are reported together, so an instructor fixes the file in one go.
 */
final class MemberCsv {

    /** What a login may look like: the users table allows 50 characters; e-mail addresses fit. */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{1,50}");
    static final int MAX_NAME = 100;
    static final int MAX_PASSWORD = 100;

    private MemberCsv() {
    }

    /** One member to enrol, from line {@code line} of the file (the header is line 1). */
    record Row(int line, String login, String name, CourseRole role, String password) {
    }

    /** A line that cannot be enrolled, and why. */
    record LineError(int line, String error) {
    }

    static List<Row> parse(String csv) {
        String[] lines = csv.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int headerIndex = firstNonBlank(lines);
        if (headerIndex < 0) {
            throw new CsvRejectedException(List.of(new LineError(1, "the file is empty; expected the header "
                    + "login,name,role[,password]")));
        }
        List<String> header = fields(stripBom(lines[headerIndex]));
        boolean withPassword = header.size() == 4;
        if (header.size() < 3 || header.size() > 4 || !header.get(0).equalsIgnoreCase("login")
                || !header.get(1).equalsIgnoreCase("name") || !header.get(2).equalsIgnoreCase("role")
                || withPassword && !header.get(3).equalsIgnoreCase("password")) {
            throw new CsvRejectedException(List.of(new LineError(headerIndex + 1,
                    "the header must be login,name,role or login,name,role,password")));
        }
        Map<String, Integer> firstLineOfLogin = new HashMap<>();
        for (int i = headerIndex + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> fields;
            try {
                fields = fields(lines[i]);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(line, e.getMessage()));
                continue;
            }
            if (fields.size() != header.size()) {
                errors.add(new LineError(line, "expected " + header.size() + " fields, found " + fields.size()));
                continue;
            }
            String problem = check(fields, withPassword);
            if (problem != null) {
                errors.add(new LineError(line, problem));
                continue;
            }
            String login = fields.get(0);
            Integer earlier = firstLineOfLogin.putIfAbsent(login.toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                errors.add(new LineError(line, "login " + login + " appears already on line " + earlier));
                continue;
            }
            String password = withPassword && !fields.get(3).isEmpty() ? fields.get(3) : null;
            rows.add(new Row(line, login, fields.get(1), CourseRole.valueOf(fields.get(2).toUpperCase(Locale.ROOT)),
                    password));
        }
        if (!errors.isEmpty()) {
            throw new CsvRejectedException(errors);
        }
        return rows;
    }

    private static String check(List<String> fields, boolean withPassword) {
        String login = fields.get(0);
        if (login.isEmpty()) {
            return "the login is empty";
        }
        if (login.length() > 50) {
            return "the login is longer than 50 characters";
        }
        if (!LOGIN.matcher(login).matches()) {
            return "the login may only contain letters, digits and . _ @ + -";
        }
        String name = fields.get(1);
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return "the name must have 1 to " + MAX_NAME + " characters";
        }
        String role = fields.get(2).toUpperCase(Locale.ROOT);
        if (!role.equals("STUDENT") && !role.equals("TUTOR") && !role.equals("INSTRUCTOR")) {
            return "unknown role '" + fields.get(2) + "' (STUDENT, TUTOR or INSTRUCTOR)";
        }
        if (withPassword && fields.get(3).length() > MAX_PASSWORD) {
            return "the password is longer than " + MAX_PASSWORD + " characters";
        }
        return null;
    }

    /** The fields of one line, trimmed; quoted fields keep their inner spaces and commas. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false; // a quoted field ended: only spaces may come before the next comma
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    closed = true;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(closed ? field.toString() : field.toString().strip());
                field.setLength(0);
                closed = false;
            } else if (closed) {
                if (!Character.isWhitespace(c)) {
                    throw new IllegalArgumentException("text after a closing quote");
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(closed ? field.toString() : field.toString().strip());
        return fields;
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!stripBom(lines[i]).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
