package org.lectern.node.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Walks the node's own OpenAPI description ({@code /v3/api-docs}) and sends every operation bad input: unknown,
 * negative, huge and malformed ids; wrong query and header values; malformed JSON, JSON of the wrong shape, wrong
 * types, huge and negative numbers, deep nesting, an oversized body and a wrong content type. Each goes out as no
 * one, with a forged token, as every role of the access matrix's course and as an instructor of another course.
 *
 * <p>Whatever comes in, the node must never answer 5xx, never 2xx to a caller the access matrix
 * ({@link AccessMatrixAuthorizationIT#table()}) refuses the operation to, never 2xx for an id that does not exist
 * or for a body that is not JSON of the right shape, and every refusal of a bad request is an RFC 9457 problem.
 * One test per operation; each lists every violation it found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends NodeIntegrationTest {

    /** Ids that exist nowhere or cannot be ids at all. */
    private static final List<String> BAD_IDS = List.of("0", "-1", "9223372036854775807",
            "99999999999999999999999", "abc", "1.5", "1e3", "x".repeat(2000));
    private static final List<String> BAD_LOGINS = List.of("no-such-user", "a".repeat(2000), "%22%3Cscript%3E");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999999",
            "2147483648", "", "x".repeat(2000));
    private static final List<String> HUGE_AND_NEGATIVE = List.of("1e400", "99999999999999999999999999", "-1",
            "-2147483649", "9223372036854775808", "0.0000001");

    @Autowired
    private TestData data;

    @Autowired
    private UserDirectory users;

    private Http http;
    private World world;
    private JsonNode openApi;
    private final List<Asker> askers = new ArrayList<>();

    /** Who sends a request, and whose column of the access matrix it is judged by. */
    private record Asker(String name, Caller judgedAs, String token) {
    }

    /** One bad request and what must not come of it. */
    private record Attempt(String what, Call call, boolean targetExists, boolean wellFormed) {
    }

    @BeforeAll
    void buildTheWorld() {
        http = new Http(port);
        world = new World(http, client(), data, users);
        openApi = http.expectSuccess(Call.get("/v3/api-docs"), null);
        for (Caller caller : Caller.values()) {
            askers.add(new Asker(caller.name(), caller, caller == Caller.ANONYMOUS ? null : world.token(caller)));
        }
        // An instructor elsewhere has exactly the rights of someone in no course here.
        long otherCourse = data.newCourse();
        String stranger = data.newMember(otherCourse, CourseRole.INSTRUCTOR).login();
        askers.add(new Asker("INSTRUCTOR_OF_ANOTHER_COURSE", Caller.OUTSIDER,
                client().tokenFor(stranger, TestData.PASSWORD)));
        askers.add(new Asker("FORGED_TOKEN", Caller.ANONYMOUS,
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.bm90LWEtc2lnbmF0dXJl"));
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseBadInputCleanlyOnEveryOperation() {
        List<DynamicTest> tests = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(),
                            () -> walk(method, path.getKey(), operation.getValue())));
                }
            });
        });
        assertThat(tests).as("operations in the OpenAPI description").hasSizeGreaterThan(40);
        return tests.stream();
    }

    private void walk(String method, String pattern, JsonNode operation) {
        Set<Caller> allowed = allowedCallers(method, pattern);
        List<String> violations = new ArrayList<>();
        for (Attempt attempt : attempts(method, pattern, operation)) {
            for (Asker asker : askers) {
                HttpResponse<String> response = http.send(attempt.call(), asker.token());
                int status = response.statusCode();
                String seen = asker.name() + " " + attempt.what() + " → " + status + " "
                        + abbreviated(response.body());
                if (status >= 500) {
                    violations.add("server error: " + seen);
                } else if (status < 300 && !allowed.contains(asker.judgedAs())) {
                    violations.add("allowed against the access matrix: " + seen);
                } else if (status < 300 && !attempt.targetExists()) {
                    violations.add("succeeded on a target that does not exist: " + seen);
                } else if (status < 300 && !attempt.wellFormed()) {
                    violations.add("accepted a malformed request: " + seen);
                } else if (status >= 400 && !isProblem(response)) {
                    violations.add("refused without a problem detail: " + seen);
                }
            }
        }
        assertThat(violations).as(method + " " + pattern).isEmpty();
    }

    private static Set<Caller> allowedCallers(String method, String pattern) {
        String mapping = method + " " + normalized(pattern);
        Set<Caller> allowed = EnumSet.noneOf(Caller.class);
        AccessMatrixAuthorizationIT.table().stream()
                .filter(endpoint -> mapping.equals(endpoint.method + " " + normalized(endpoint.pattern)))
                .forEach(endpoint -> EnumSet.allOf(Caller.class).stream().filter(endpoint::allows)
                        .forEach(allowed::add));
        return allowed;
    }

    private static String normalized(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "{}");
    }

    private List<Attempt> attempts(String method, String pattern, JsonNode operation) {
        List<Parameter> parameters = parameters(operation);
        String realPath = pathWith(pattern, Map.of());
        List<Attempt> attempts = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.in().equals("path")) {
                List<String> values = parameter.name().equals("login") ? BAD_LOGINS : BAD_IDS;
                for (String value : values) {
                    attempts.add(new Attempt(parameter.name() + "=" + abbreviated(value),
                            call(method, pathWith(pattern, Map.of(parameter.name(), value)), "{}"), false, true));
                }
            }
        }
        // With a real target from here on: the input itself is what is wrong. Deleting a real target carries no
        // input of its own, and a call without a body or parameters has nothing to get wrong.
        if (method.equals("DELETE")) {
            return attempts;
        }
        for (Parameter parameter : parameters) {
            if (parameter.in().equals("query")) {
                for (String value : BAD_QUERY_VALUES) {
                    attempts.add(new Attempt("?" + parameter.name() + "=" + abbreviated(value),
                            call(method, realPath + "?" + parameter.name() + "=" + encoded(value), "{}"), true, true));
                }
            } else if (parameter.in().equals("header")) {
                for (String value : List.of("not a key", "k".repeat(4000))) {
                    Map<String, String> headers = Map.of(parameter.name(), value);
                    Call call = call(method, realPath, "{}");
                    attempts.add(new Attempt(parameter.name() + ": " + abbreviated(value), new Call(call.method(),
                            call.path(), call.body(), call.contentType(), headers, false), true, true));
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            attempts.addAll(jsonBodies(method, realPath, schema(content.get("application/json").path("schema"))));
        } else if (content.has("text/csv")) {
            attempts.add(new Attempt("binary CSV", new Call(method, realPath, new byte[] {0, (byte) 0xff, 1, '\n'},
                    "text/csv", Map.of(), false), true, false));
            attempts.add(new Attempt("CSV with no header", new Call(method, realPath,
                    ",,,\n\"unterminated".getBytes(StandardCharsets.UTF_8), "text/csv", Map.of(), false), true, false));
            attempts.add(oversized(method, realPath, "text/csv"));
        } else if (content.has("multipart/form-data")) {
            attempts.add(new Attempt("multipart without a boundary", new Call(method, realPath,
                    "--x\r\n".getBytes(StandardCharsets.UTF_8), "multipart/form-data", Map.of(), false), true, false));
            attempts.add(new Attempt("broken multipart", new Call(method, realPath,
                    "--b\r\ngarbage".getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b", Map.of(),
                    false), true, false));
            attempts.add(new Attempt("multipart without the file part", new Call(method, realPath,
                    "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n"
                            .getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b", Map.of(), false),
                    true, false));
        }
        return attempts;
    }

    private List<Attempt> jsonBodies(String method, String path, JsonNode schema) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("truncated JSON", "{\"title\":");
        malformed.put("not JSON", "<xml/>");
        malformed.put("a JSON array", "[]");
        malformed.put("JSON null", "null");
        malformed.put("a JSON string", "\"text\"");
        malformed.put("a JSON number", "42");
        malformed.put("deeply nested JSON", "[".repeat(5000) + "]".repeat(5000));
        malformed.put("binary", new String(new byte[] {(byte) 0xc3, 0x28, 0, (byte) 0xff},
                StandardCharsets.ISO_8859_1));
        malformed.forEach((what, body) -> attempts.add(new Attempt(what, call(method, path, body), true, false)));
        attempts.add(new Attempt("JSON as text/plain", new Call(method, path, "{}".getBytes(StandardCharsets.UTF_8),
                "text/plain", Map.of(), false), true, false));
        attempts.add(oversized(method, path, "application/json"));

        JsonNode properties = schema.path("properties");
        properties.properties().forEach(property -> {
            String wrong = wrongTypeFor(schema(property.getValue()));
            attempts.add(new Attempt(property.getKey() + "=" + wrong, call(method, path,
                    "{\"" + property.getKey() + "\":" + wrong + "}"), true, true));
        });
        List<String> numeric = properties.properties().stream()
                .filter(property -> Set.of("integer", "number").contains(schema(property.getValue()).path("type")
                        .asString("")))
                .map(Map.Entry::getKey)
                .toList();
        if (!numeric.isEmpty()) {
            for (String number : HUGE_AND_NEGATIVE) {
                String body = numeric.stream().map(name -> "\"" + name + "\":" + number)
                        .collect(Collectors.joining(",", "{", "}"));
                attempts.add(new Attempt(numeric + "=" + number, call(method, path, body), true, true));
            }
        }
        return attempts;
    }

    private static Attempt oversized(String method, String path, String contentType) {
        String body = "{\"text\":\"" + "x".repeat(1_200_000) + "\"}";
        return new Attempt("a body of 1.2 MB", new Call(method, path, body.getBytes(StandardCharsets.UTF_8),
                contentType, Map.of(), false), true, false);
    }

    private static String wrongTypeFor(JsonNode schema) {
        if (schema.has("enum")) {
            return "\"NO_SUCH_VALUE\"";
        }
        return switch (schema.path("type").asString("")) {
            case "string" -> "{\"nested\":1}";
            case "integer", "number" -> "\"abc\"";
            case "boolean" -> "\"maybe\"";
            case "array" -> "{\"not\":\"a list\"}";
            default -> "[1,2,3]";
        };
    }

    /** The schema itself, following a {@code $ref} into the components. */
    private JsonNode schema(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private record Parameter(String name, String in) {
    }

    /** The operation's parameters; an object in the query (a {@code Pageable}) stands for its properties. */
    private List<Parameter> parameters(JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asString();
            JsonNode schema = schema(parameter.path("schema"));
            if (in.equals("query") && schema.has("properties")) {
                schema.get("properties").propertyNames().forEach(name -> parameters.add(new Parameter(name, in)));
            } else {
                parameters.add(new Parameter(parameter.path("name").asString(), in));
            }
        }
        return parameters;
    }

    /** The path with real ids of the world, except the parameters given. */
    private String pathWith(String pattern, Map<String, String> replaced) {
        StringBuilder path = new StringBuilder();
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        while (variable.find()) {
            String name = variable.group(1);
            String value = replaced.containsKey(name) ? encoded(replaced.get(name)) : realValue(pattern, name);
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private String realValue(String pattern, String name) {
        long id = switch (name) {
            case "courseId" -> world.course;
            case "exerciseId" -> pattern.startsWith("/api/exams/") ? world.examExercise : world.essay;
            case "submissionId" -> world.essaySubmissionA;
            case "id" -> world.runningQuiz;
            case "examId" -> world.exam;
            case "groupId" -> world.examGroup;
            case "teamId" -> world.redTeam;
            case "studentExamId" -> world.studentExamA;
            case "announcementId" -> world.examAnnouncement;
            case "login" -> -1;
            default -> throw new AssertionError("No real value for {" + name + "} in " + pattern);
        };
        return name.equals("login") ? world.login(Caller.STUDENT_B) : Long.toString(id);
    }

    private static Call call(String method, String path, String json) {
        byte[] body = method.equals("GET") || method.equals("DELETE") ? null : json.getBytes(StandardCharsets.UTF_8);
        return new Call(method, path, body, body == null ? null : "application/json", Map.of(), false);
    }

    private static String encoded(String value) {
        return value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
