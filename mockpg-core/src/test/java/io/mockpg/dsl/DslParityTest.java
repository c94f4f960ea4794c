package io.mockpg.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.Fault;
import io.mockpg.Stub;
import io.mockpg.internal.api.ServerBridge;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.yaml.ScriptLoader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One model under the DSL and the YAML: every key of the script's JSON Schema has a Java
 * method, and a stub's {@code toYaml()} loads back into a rule equal to the stub's own.
 */
class DslParityTest {
    /** Schema key path → the class and method that set it in Java. */
    private static final Map<String, String> JAVA = new LinkedHashMap<>();

    static {
        JAVA.put("server", "MockPgServer$Builder.serverVersion");
        JAVA.put("server/version", "MockPgServer$Builder.serverVersion");
        JAVA.put("server/parameters", "MockPgServer$Builder.serverParameter");
        JAVA.put("server/auth", "MockPgServer$Builder.auth");
        JAVA.put("server/auth/method", "MockPgServer$Builder.auth");
        JAVA.put("server/auth/users", "MockPgServer$Builder.user");
        JAVA.put("server/databases", "MockPgServer$Builder.databases");
        JAVA.put("server/tls", "MockPgServer$Builder.tlsSelfSigned");
        JAVA.put("server/tls/cert", "MockPgServer$Builder.tls");
        JAVA.put("server/tls/key", "MockPgServer$Builder.tls");
        JAVA.put("server/max_connections", "MockPgServer$Builder.maxConnections");
        JAVA.put("unmatched", "MockPgServer$Builder.unmatched");
        JAVA.put("builtins", "MockPgServer$Builder.builtins");
        JAVA.put("rules", "MockPgServer.stub");
        JAVA.put("rules/id", "StatementPattern.withId");
        JAVA.put("rules/match", "MockPgDsl.statement");
        JAVA.put("rules/match/sql", "MockPgDsl.statement");
        JAVA.put("rules/match/regex", "MockPgDsl.regex");
        JAVA.put("rules/match/params", "StatementPattern.withParams");
        JAVA.put("rules/match/params/regex", "MockPgDsl.paramMatching");
        JAVA.put("rules/match/params/any", "MockPgDsl.anyParam");
        JAVA.put("rules/match/param_types", "StatementPattern.withParamTypes");
        JAVA.put("rules/match/user", "StatementPattern.withUser");
        JAVA.put("rules/match/database", "StatementPattern.withDatabase");
        JAVA.put("rules/respond", "StatementPattern.willReturn");
        JAVA.put("rules/respond/columns", "MockPgDsl.rows");
        JAVA.put("rules/respond/rows", "Answer.row");
        JAVA.put("rules/respond/repeat", "Answer.repeat");
        JAVA.put("rules/respond/tag", "Answer.tag");
        JAVA.put("rules/respond/affected", "Answer.affected");
        JAVA.put("rules/respond/error", "MockPgDsl.error");
        JAVA.put("rules/respond/error/code", "MockPgDsl.error");
        JAVA.put("rules/respond/error/message", "MockPgDsl.error");
        for (String field : List.of("severity", "detail", "hint", "schema", "table", "column", "constraint", "position")) {
            JAVA.put("rules/respond/error/" + field, "Answer." + field);
        }
        JAVA.put("rules/respond/error/where", "Answer.where");
        JAVA.put("rules/respond/error/data_type", "Answer.dataType");
        JAVA.put("rules/respond/error/internal_position", "Answer.internalPosition");
        JAVA.put("rules/respond/error/internal_query", "Answer.internalQuery");
        JAVA.put("rules/respond/error/file", "Answer.file");
        JAVA.put("rules/respond/error/line", "Answer.line");
        JAVA.put("rules/respond/error/routine", "Answer.routine");
        JAVA.put("rules/respond/notices", "Answer.notices");
        JAVA.put("rules/respond/notices/message", "MockPgDsl.notice");
        for (String field : List.of("severity", "code", "detail", "hint", "where", "file", "line", "routine")) {
            JAVA.put("rules/respond/notices/" + field, "Notice." + field);
        }
        JAVA.put("rules/respond/delay", "Answer.delay");
        JAVA.put("rules/respond/fault", "StatementPattern.willFault");
        JAVA.put("rules/respond/fault/type", "MockPgDsl.fault");
        JAVA.put("rules/respond/fault/after_rows", "Answer.closeAfterRows");
        JAVA.put("rules/respond/notify", "Answer.notify");
        JAVA.put("rules/respond/notify/channel", "Answer.notify");
        JAVA.put("rules/respond/notify/payload", "Answer.notify");
        JAVA.put("rules/respond/copy", "Answer.copy");
        JAVA.put("rules/times", "StatementPattern.times");
        JAVA.put("rules/scenario", "StatementPattern.inScenario");
        JAVA.put("rules/state", "StatementPattern.whenState");
        JAVA.put("rules/next_state", "StatementPattern.willSetStateTo");
    }

    @Test
    void everySchemaKeyHasAJavaMethod() throws Exception {
        JsonNode schema;
        try (InputStream in = DslParityTest.class.getResourceAsStream("/mockpg-script.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        TreeSet<String> keys = new TreeSet<>();
        walk(schema, schema, "", keys, 0);
        assertTrue(keys.size() > 50, "the walk reaches the nested keys: " + keys);
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String method = JAVA.get(key);
            if (method == null || !exists(method)) {
                missing.add(key + (method == null ? "" : " (" + method + " not found)"));
            }
        }
        assertEquals(List.of(), missing, "schema keys without a Java method");
        assertEquals(new TreeSet<>(JAVA.keySet()), keys, "the table lists only keys of the schema");
    }

    /** Every property name reachable from node, as a path of names ($ref, anyOf, items and maps followed). */
    private static void walk(JsonNode root, JsonNode node, String path, TreeSet<String> keys, int depth) {
        if (node == null || !node.isObject() || depth > 20) {
            return;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            walk(root, root.at(ref.substring(1)), path, keys, depth + 1);
        }
        JsonNode properties = node.get("properties");
        if (properties != null) {
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = path.isEmpty() ? name : path + "/" + name;
                keys.add(child);
                walk(root, properties.get(name), child, keys, depth + 1);
            }
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (node.has(combinator)) {
                node.get(combinator).forEach(option -> walk(root, option, path, keys, depth + 1));
            }
        }
        walk(root, node.get("items"), path, keys, depth + 1);
        if (node.get("additionalProperties") != null && node.get("additionalProperties").isObject()) {
            walk(root, node.get("additionalProperties"), path, keys, depth + 1);
        }
    }

    private static boolean exists(String classAndMethod) throws ClassNotFoundException {
        int dot = classAndMethod.lastIndexOf('.');
        Class<?> type = Class.forName("io.mockpg." + classAndMethod.substring(0, dot));
        String name = classAndMethod.substring(dot + 1);
        return Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(name::equals);
    }

    @Test
    void toYamlLoadsIntoTheSameRule() {
        List<Stub> stubs = List.of(
                statement("SELECT id, name, email FROM users WHERE id = $1").withParams(42)
                        .willReturn(rows(column("id", "int4"), column("name", "text"), column("email", "text"))
                                .row(42, "Alice", "alice@example.com").row(43, null, "quote\"and\nnewline")),
                statement("INSERT INTO users (email) VALUES ($1)").withParams("dup@example.com").withId("dup")
                        .willReturn(error("23505", "duplicate key value violates unique constraint \"users_email_key\"")
                                .detail("Key (email)=(dup@example.com) already exists.").hint("h").schema("public")
                                .table("users").column("email").constraint("users_email_key").position(3)
                                .severity("FATAL")),
                statement("UPDATE orders SET status = $1 WHERE id = $2").willReturn(affected(1)),
                regex("(?i)^select .* from audit_log").withId("audit").times(1)
                        .inScenario("audit").whenState("Started").willSetStateTo("Read")
                        .willReturn(rows(column("n", "int8")).row(3L)).delay(Duration.ofMillis(50)),
                statement("SELECT balance FROM accounts WHERE id = $1")
                        .willReturn(error("40001", "could not serialize access"))
                        .thenReturn(rows(column("balance", "numeric")).row(new BigDecimal("10.00"))),
                anyStatement().withParams(anyParam(), paramMatching("^x.*"), null, true, 1.5).willFault(Fault.CONNECTION_CLOSED),
                statement("SELECT * FROM kinds").withParamTypes("int4", "text").withUser("app").withDatabase("shop")
                        .willReturn(rows(column("u", "uuid"), column("d", "date"), column("ts", "timestamptz"),
                                column("b", "bytea"), column("a", "text[]"), column("j", "jsonb"), column("i", "interval"),
                                column("f", "float4"), column("ok", "bool"))
                                .row(UUID.fromString("00000000-0000-0000-0000-00000000002a"), LocalDate.of(2024, 1, 31),
                                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), new byte[] {0, 1, 2},
                                        List.of("a", "b c"), Map.of("k", List.of(1, 2)), Duration.ofSeconds(3661), 1.25f, false)
                                .repeat(3).notices(notice("n1"), notice("n2").severity("WARNING").code("01000").detail("d").hint("h"))
                                .notify("ch", "{{$1}}").tag("SELECT 3")),
                statement("COPY t FROM STDIN").willReturn(copy().affected(2)),
                statement("SELECT n FROM big").willReturn(rows(column("n", "int4")).row("{{row}}").repeat(10)
                        .resetAfterRows(4)),
                statement("SELECT 1").willFault(Fault.ADMIN_SHUTDOWN),
                statement("SELECT 2").willReturn(empty()),
                anyStatement().willReturn(tag("OK")));
        for (Stub stub : stubs) {
            Rule fromJava = ServerBridge.rule(stub, "stub", 1);
            String yaml = stub.toYaml();
            Rule fromYaml = ScriptLoader.parse("stub", "rules:\n" + yaml.indent(2)).rules().get(0);
            assertEquals(canonical(fromJava), canonical(fromYaml), yaml);
        }
    }

    /** A rule's value as text: Patterns by their source, byte arrays in hex, numbers by value. */
    private static String canonical(Object value) {
        if (value instanceof Pattern pattern) {
            return "/" + pattern.pattern() + "/";
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(canonical(item)));
            return items.toString();
        }
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('(');
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    text.append(component.getName()).append('=').append(canonical(component.getAccessor().invoke(record)))
                            .append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return text.append(')').toString();
        }
        return String.valueOf(value);
    }
}
