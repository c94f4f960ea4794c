package io.mockpg.internal.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.JournalEntry;
import io.mockpg.RuleSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T1 = Instant.parse("2026-11-22T15:04:05.123456Z");
    private static final Instant T2 = Instant.parse("2026-11-22T15:04:06Z");

    private final FakeAdminBackend backend = new FakeAdminBackend();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private AdminServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        backend.journal.add(new JournalEntry(1, 7, "app", "shop", "extended", "SELECT * FROM users WHERE id = $1",
                Arrays.asList("42", null), "user-by-id", "committed", null, T1, false, null));
        backend.journal.add(new JournalEntry(2, 8, "app", "shop", "simple", "COPY t FROM STDIN",
                List.of(), null, "none", "1\tx\n", T2, false, "closest rule \"copy\": sql differs"));
        backend.rules.add(new RuleSummary("user-by-id", "shop.yaml", 3));
        backend.rules.add(new RuleSummary("shop.yaml#2", "shop.yaml", 0));
        server = new AdminServer(backend);
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bindsAnEphemeralPort() {
        assertTrue(port > 0);
        assertEquals(port, server.port());
    }

    @Test
    void healthIsOk() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null);
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("content-type").orElse(""));
        assertEquals("ok", json(response).get("status").asText());
    }

    @Test
    void journalListsEveryEntryWithAllKeys() throws Exception {
        HttpResponse<String> response = send("GET", "/journal", null);
        assertEquals(200, response.statusCode());
        JsonNode entries = json(response);
        assertEquals(2, entries.size());

        JsonNode first = entries.get(0);
        assertEquals(List.of("sequence", "sessionId", "user", "database", "protocol", "sql", "params", "ruleId",
                "outcome", "copyData", "time", "builtin"), fieldNames(first));
        assertEquals(1, first.get("sequence").asLong());
        assertFalse(first.get("builtin").asBoolean());
        assertEquals(7, first.get("sessionId").asLong());
        assertEquals("app", first.get("user").asText());
        assertEquals("shop", first.get("database").asText());
        assertEquals("extended", first.get("protocol").asText());
        assertEquals("SELECT * FROM users WHERE id = $1", first.get("sql").asText());
        assertEquals("42", first.get("params").get(0).asText());
        assertTrue(first.get("params").get(1).isNull());
        assertEquals("user-by-id", first.get("ruleId").asText());
        assertEquals("committed", first.get("outcome").asText());
        assertTrue(first.get("copyData").isNull());
        assertEquals("2026-11-22T15:04:05.123Z", first.get("time").asText());

        JsonNode second = entries.get(1);
        assertTrue(second.get("ruleId").isNull());
        assertEquals(2, second.get("sequence").asLong());
        assertEquals("closest rule \"copy\": sql differs", second.get("nearMisses").asText());
        assertEquals(0, second.get("params").size());
        assertEquals("1\tx\n", second.get("copyData").asText());
        assertEquals("2026-11-22T15:04:06.000Z", second.get("time").asText());
    }

    @Test
    void journalIsStreamedInChunksAndSaysHowManyWereDropped() throws Exception {
        HttpResponse<String> response = send("GET", "/journal", null);
        assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""));
        assertTrue(response.headers().firstValue("content-length").isEmpty());
        assertEquals("0", response.headers().firstValue("mockpg-journal-dropped").orElse(""));
    }

    @Test
    void journalPagesAfterASequenceNumber() throws Exception {
        for (int i = 3; i <= 2500; i++) {
            backend.journal.add(new JournalEntry(i, 9, "app", "shop", "simple", "SELECT " + i, List.of(), "r", "none",
                    null, T1, false, null));
        }
        JsonNode page = json(send("GET", "/journal?after=1&limit=2", null));
        assertEquals(List.of(2L, 3L), List.of(page.get(0).get("sequence").asLong(), page.get(1).get("sequence").asLong()));
        assertEquals(2, page.size());
        JsonNode rest = json(send("GET", "/journal?after=3", null));
        assertEquals(2497, rest.size(), "more than one page of " + JournalStream.PAGE);
        assertEquals(4, rest.get(0).get("sequence").asLong());
        assertEquals(2500, rest.get(rest.size() - 1).get("sequence").asLong());
        assertEquals(0, json(send("GET", "/journal?after=2500", null)).size());
        HttpResponse<String> bad = send("GET", "/journal?after=-1", null);
        assertEquals(400, bad.statusCode());
        assertEquals("'after' must be a non-negative integer, found '-1'", json(bad).get("errors").get(0).asText());
    }

    @Test
    void journalFiltersByRule() throws Exception {
        JsonNode entries = json(send("GET", "/journal?rule=user-by-id", null));
        assertEquals(1, entries.size());
        assertEquals(7, entries.get(0).get("sessionId").asLong());
        assertEquals(0, json(send("GET", "/journal?rule=nope", null)).size());
    }

    @Test
    void unmatchedListsOnlyUnmatchedEntries() throws Exception {
        HttpResponse<String> response = send("GET", "/journal/unmatched", null);
        assertEquals(200, response.statusCode());
        JsonNode entries = json(response);
        assertEquals(1, entries.size());
        assertEquals("COPY t FROM STDIN", entries.get(0).get("sql").asText());
    }

    @Test
    void deleteEmptiesTheJournal() throws Exception {
        HttpResponse<String> response = send("DELETE", "/journal", null);
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertEquals(0, json(send("GET", "/journal", null)).size());
    }

    @Test
    void rulesAreListedInOrder() throws Exception {
        JsonNode rules = json(send("GET", "/rules", null));
        assertEquals(2, rules.size());
        assertEquals(List.of("id", "source", "answered"), fieldNames(rules.get(0)));
        assertEquals("user-by-id", rules.get(0).get("id").asText());
        assertEquals("shop.yaml", rules.get(0).get("source").asText());
        assertEquals(3, rules.get(0).get("answered").asLong());
        assertEquals("shop.yaml#2", rules.get(1).get("id").asText());
    }

    @Test
    void postedRulesAreAdded() throws Exception {
        String yaml = "rules:\n  - match: { sql: SELECT 2 }\n    respond: { rows: [] }\n";
        HttpResponse<String> response = send("POST", "/rules", yaml);
        assertEquals(201, response.statusCode());
        assertEquals(List.of(yaml), backend.addedYaml);
        JsonNode rules = json(response);
        assertEquals("admin", rules.get(0).get("source").asText());
        assertEquals(3, rules.size());
    }

    @Test
    void badRulesAreRefusedWithTheirProblems() throws Exception {
        backend.problemsForNextYaml = List.of("2:5: unknown key \"mach\"", "4:1: rules must be a list");
        HttpResponse<String> response = send("POST", "/rules", "rules:\n    mach: x\n");
        assertEquals(400, response.statusCode());
        JsonNode errors = json(response).get("errors");
        assertEquals("2:5: unknown key \"mach\"", errors.get(0).asText());
        assertEquals("4:1: rules must be a list", errors.get(1).asText());
        assertEquals(List.of(), backend.addedYaml);
    }

    @Test
    void resetResetsTheBackend() throws Exception {
        HttpResponse<String> response = send("POST", "/reset", "");
        assertEquals(204, response.statusCode());
        assertEquals(1, backend.resets);
        assertTrue(backend.journal.isEmpty());
    }

    @Test
    void notifyReachesTheBackend() throws Exception {
        assertEquals(204, send("POST", "/notify", "{\"channel\": \"orders\", \"payload\": \"42\"}").statusCode());
        assertEquals(204, send("POST", "/notify", "{\"channel\": \"bare\"}").statusCode());
        assertEquals(List.of("orders:42", "bare:"), backend.notifications);
    }

    @Test
    void notifyRefusesBadBodies() throws Exception {
        for (String body : List.of("", "{not json", "[1]", "{\"payload\": \"x\"}", "{\"channel\": 5}",
                "{\"channel\": \"\"}", "{\"channel\": \"c\", \"payload\": {}}")) {
            HttpResponse<String> response = send("POST", "/notify", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals(1, json(response).get("errors").size(), body);
        }
        assertEquals(List.of(), backend.notifications);
    }

    @Test
    void faultsReachTheBackend() throws Exception {
        assertEquals(204, send("POST", "/faults", "{\"at\": 3, \"fault\": \"SERIALIZATION_FAILURE\"}").statusCode());
        assertEquals(204, send("POST", "/faults", "{\"at\": 1, \"fault\": \"CONNECTION_RESET\"}").statusCode());
        assertEquals(List.of("3:SERIALIZATION_FAILURE", "1:CONNECTION_RESET"), backend.faults);
        assertEquals(204, send("DELETE", "/faults", null).statusCode());
        assertEquals(List.of(), backend.faults);
    }

    @Test
    void faultsRefuseBadBodiesWithTheReason() throws Exception {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        reasons.put("{not json", "body is not JSON");
        reasons.put("", "body must be a JSON object");
        reasons.put("[1]", "body must be a JSON object {\"at\": n, \"fault\": \"NAME\"}");
        reasons.put("{\"fault\": \"DEADLOCK\"}", "\"at\" must be a whole number of 1 or more");
        reasons.put("{\"at\": 0, \"fault\": \"DEADLOCK\"}", "\"at\" must be a whole number of 1 or more");
        reasons.put("{\"at\": 1.5, \"fault\": \"DEADLOCK\"}", "\"at\" must be a whole number of 1 or more");
        reasons.put("{\"at\": \"2\", \"fault\": \"DEADLOCK\"}", "\"at\" must be a whole number of 1 or more");
        reasons.put("{\"at\": 2, \"fault\": \"deadlock\"}", "\"fault\" must be one of SERIALIZATION_FAILURE, DEADLOCK, "
                + "ADMIN_SHUTDOWN, CONNECTION_CLOSED, CONNECTION_RESET, CLOSED_MID_RESULT, QUERY_CANCELED");
        reasons.put("{\"at\": 2}", "\"fault\" must be one of");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            HttpResponse<String> response = send("POST", "/faults", reason.getKey());
            assertEquals(400, response.statusCode(), reason.getKey());
            String message = json(response).get("errors").get(0).asText();
            assertTrue(message.startsWith(reason.getValue()), reason.getKey() + " -> " + message);
        }
        assertEquals(List.of(), backend.faults);
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        HttpResponse<String> response = send("GET", "/nothing", null);
        assertEquals(404, response.statusCode());
        assertTrue(json(response).get("errors").get(0).asText().contains("/nothing"));
    }

    @Test
    void wrongMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> reset = send("GET", "/reset", null);
        assertEquals(405, reset.statusCode());
        assertEquals("POST", reset.headers().firstValue("allow").orElse(""));
        assertEquals(1, json(reset).get("errors").size());

        HttpResponse<String> journal = send("PUT", "/journal", "x");
        assertEquals(405, journal.statusCode());
        assertEquals("GET, DELETE", journal.headers().firstValue("allow").orElse(""));
        assertEquals(0, backend.resets);
    }

    @Test
    void trailingSlashIsTolerated() throws Exception {
        assertEquals(200, send("GET", "/journal/", null).statusCode());
    }

    @Test
    void backendFailuresBecomeServerErrors() throws Exception {
        backend.failure = new IllegalStateException("journal unavailable");
        HttpResponse<String> response = send("GET", "/journal", null);
        assertEquals(500, response.statusCode());
        assertEquals("journal unavailable", json(response).get("errors").get(0).asText());
        backend.failure = null;
        assertEquals(200, send("GET", "/journal", null).statusCode());
    }

    @Test
    void startsOnlyOnceAndReportsBusyPorts() throws Exception {
        try (AdminServer other = new AdminServer(backend)) {
            IOException busy = assertThrows(IOException.class,
                    () -> other.start("127.0.0.1", port));
            assertTrue(busy.getMessage() != null && !busy.getMessage().isEmpty());
        }
        assertThrows(IllegalStateException.class, () -> server.start("127.0.0.1", 0));
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
