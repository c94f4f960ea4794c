package io.mockpg.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin HTTP API (docs/ci.md, "Admin HTTP API") of the standalone server, driven by pgjdbc sessions. */
class AdminApiStandaloneTest {
    private static final String SCRIPT = """
            rules:
              - id: user-by-id
                match: {sql: "SELECT name FROM users WHERE id = $1"}
                respond:
                  columns: [{name: text}]
                  rows: [[Alice]]
              - match: {sql: "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)"}
              - id: load-items
                match: {regex: "(?i)^COPY\\\\s+items"}
                respond: {copy: true}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path directory;
    @AutoClose
    static StandaloneProcess server;
    static Path script;

    @BeforeAll
    static void start() throws Exception {
        script = directory.resolve("shop.yaml");
        Files.writeString(script, SCRIPT);
        server = StandaloneProcess.start(directory, "--script", script.toString(), "--admin-port", "0");
    }

    @BeforeEach
    void reset() throws Exception {
        assertEquals(204, send("POST", "/reset", "").statusCode());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static Connection connect() throws SQLException {
        // application_name in the startup packet rather than a SET that would be journaled
        return DriverManager.getConnection(server.jdbcUrl("shop") + "?assumeMinServerVersion=9.0", "app", "x");
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(entry -> values.add(entry.get(name).isNull() ? null : entry.get(name).asText()));
        return values;
    }

    @Test
    void healthIsOk() throws Exception {
        assertEquals("{\"status\":\"ok\"}", send("GET", "/health", null).body());
    }

    @Test
    void journalListsEveryStatementWithAllKeysAndFiltersByRuleAndUnmatched() throws Exception {
        int backendPid;
        // a session of its own for the simple protocol
        try (Connection c = connect()) {
            backendPid = c.unwrap(PGConnection.class).getBackendPID();
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
                p.setInt(1, 42);
                p.executeQuery().close();
            }
            try (Connection simple = DriverManager.getConnection(server.jdbcUrl("shop")
                    + "?assumeMinServerVersion=9.0&preferQueryMode=simple", "app", "x");
                 Statement s = simple.createStatement()) {
                s.executeUpdate("INSERT INTO orders (customer_id, amount) VALUES (7, 19.99)");
            }
            try (Statement s = c.createStatement()) {
                assertThrows(PSQLException.class, () -> s.executeQuery("SELECT * FROM nowhere"));
            }
            long rows = new CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn("COPY items (id, name) FROM STDIN", new StringReader("1\tpen\n2\tink\n"));
            assertEquals(2, rows);
        }
        JsonNode journal = get("/journal");
        assertEquals(List.of("SELECT name FROM users WHERE id = $1",
                "INSERT INTO orders (customer_id, amount) VALUES (7, 19.99)", "SELECT * FROM nowhere",
                "COPY items (id, name) FROM STDIN"), field(journal, "sql"));
        JsonNode first = journal.get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("sessionId", "user", "database", "protocol", "sql", "params", "ruleId", "outcome",
                "copyData", "time"), keys);
        assertEquals(backendPid, first.get("sessionId").asInt());
        assertEquals("app", first.get("user").asText());
        assertEquals("shop", first.get("database").asText());
        assertEquals("extended", first.get("protocol").asText());
        assertEquals("[\"42\"]", first.get("params").toString());
        assertEquals("user-by-id", first.get("ruleId").asText());
        assertEquals("committed", first.get("outcome").asText());
        assertTrue(first.get("copyData").isNull());
        OffsetDateTime time = OffsetDateTime.parse(first.get("time").asText());
        assertTrue(time.isAfter(OffsetDateTime.now().minusMinutes(5)), time.toString());

        JsonNode insert = journal.get(1);
        assertEquals("simple", insert.get("protocol").asText());
        assertEquals("[\"7\",\"19.99\"]", insert.get("params").toString());
        assertEquals(script + "#2", insert.get("ruleId").asText());
        assertEquals("1\tpen\n2\tink\n", journal.get(3).get("copyData").asText());
        assertEquals("load-items", journal.get(3).get("ruleId").asText());

        JsonNode unmatched = get("/journal/unmatched");
        assertEquals(List.of("SELECT * FROM nowhere"), field(unmatched, "sql"));
        assertTrue(unmatched.get(0).get("ruleId").isNull());
        assertEquals("rolled_back", unmatched.get(0).get("outcome").asText());

        assertEquals(List.of("SELECT name FROM users WHERE id = $1"), field(get("/journal?rule=user-by-id"), "sql"));
        assertEquals(0, get("/journal?rule=no-such-rule").size());

        assertEquals(204, send("DELETE", "/journal", null).statusCode());
        assertEquals("[]", send("GET", "/journal", null).body());
        assertEquals("[]", send("GET", "/journal/unmatched", null).body());
    }

    @Test
    void rulesAreListedInPrecedenceOrderWithAnsweredCounts() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT name FROM users WHERE id = 1").close();
            s.executeQuery("SELECT name FROM users WHERE id = 2").close();
            s.executeUpdate("INSERT INTO orders (customer_id, amount) VALUES (1, 2)");
        }
        JsonNode rules = get("/rules");
        assertEquals(List.of("user-by-id", script + "#2", "load-items"), field(rules, "id"));
        assertEquals(List.of(script.toString(), script.toString(), script.toString()), field(rules, "source"));
        assertEquals(List.of("2", "1", "0"), field(rules, "answered"));
    }

    @Test
    void postedRulesAnswerAheadOfTheLoadedOnesUntilReset() throws Exception {
        HttpResponse<String> added = send("POST", "/rules", """
                rules:
                  - id: user-by-id-override
                    match: {sql: "SELECT name FROM users WHERE id = $1"}
                    respond:
                      columns: [{name: text}]
                      rows: [[Bob]]
                """);
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("user-by-id-override", JSON.readTree(added.body()).get(0).get("id").asText());
        assertEquals("admin", JSON.readTree(added.body()).get(0).get("source").asText());
        assertEquals("Bob", userName());
        assertEquals(List.of("1", "0"), field(get("/rules"), "answered").subList(0, 2));

        assertEquals(204, send("POST", "/reset", null).statusCode());
        assertEquals(List.of("user-by-id", script + "#2", "load-items"), field(get("/rules"), "id"));
        assertEquals("Alice", userName());
    }

    @Test
    void aBadRuleBodyIsRefusedWithEveryProblemAsLineColumn() throws Exception {
        HttpResponse<String> refused = send("POST", "/rules", """
                rules:
                  - id: broken
                    mach: {sql: SELECT 1}
                    respond:
                      columns: [{n: int4}]
                      rows: [[many]]
                """);
        assertEquals(400, refused.statusCode());
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertEquals(2, errors.size(), refused.body());
        assertTrue(errors.get(0).asText().matches("3:5: unknown key 'mach'.*did you mean 'match'.*"),
                errors.get(0).asText());
        assertTrue(errors.get(1).asText().startsWith("6:15: "), errors.get(1).asText());
        assertEquals(3, get("/rules").size(), "nothing was added");
    }

    @Test
    void notifyReachesAListeningSession() throws Exception {
        try (Connection listener = connect()) {
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN order_events");
            }
            HttpResponse<String> sent = send("POST", "/notify", "{\"channel\":\"order_events\",\"payload\":\"42 shipped\"}");
            assertEquals(204, sent.statusCode(), sent.body());
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertNotNull(notifications);
            assertEquals(1, notifications.length);
            assertEquals("order_events", notifications[0].getName());
            assertEquals("42 shipped", notifications[0].getParameter());
        }
        assertEquals(400, send("POST", "/notify", "{\"payload\":\"x\"}").statusCode());
        assertEquals(400, send("POST", "/notify", "not json").statusCode());
    }

    @Test
    void unknownResourcesAndMethodsAreJsonErrors() throws Exception {
        HttpResponse<String> missing = send("GET", "/nope", null);
        assertEquals(404, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).get("errors").get(0).asText().contains("/nope"));
        HttpResponse<String> wrongMethod = send("PUT", "/journal", "");
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.headers().firstValue("allow").orElse("").contains("GET"));
    }

    private static String userName() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM users WHERE id = 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
