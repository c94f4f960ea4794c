package io.mockpg.e2e;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone server's journal under {@code --journal-limit}: the oldest entries go, the admin
 * API says how many, and {@code GET /journal} streams a large journal from a server with a small
 * heap (the whole JSON of 150,000 entries is larger than the heap share it may take).
 */
class JournalLimitStandaloneTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    private static HttpResponse<InputStream> get(StandaloneProcess server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Statements in simple-protocol batches of 1,000, answered by the built-ins. */
    private static void send(StandaloneProcess server, int statements) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("mockpg") + "?preferQueryMode=simple", "app", "x");
             Statement s = c.createStatement()) {
            for (int sent = 0; sent < statements; sent += 1000) {
                s.execute("SELECT 1;".repeat(Math.min(1000, statements - sent)));
            }
        }
    }

    @Test
    void theOldestEntriesAreDroppedAndCounted() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, "--admin-port", "0", "--journal-limit", "5")) {
            send(server, 8);
            HttpResponse<InputStream> response = get(server, "/journal");
            long dropped = Long.parseLong(response.headers().firstValue("mockpg-journal-dropped").orElseThrow());
            JsonNode entries = JSON.readTree(response.body());
            assertEquals(5, entries.size());
            assertTrue(dropped >= 3, "the session's own statements (SET ...) are journalled too: " + dropped);
            long last = entries.get(4).get("sequence").asLong();
            assertEquals(last - 4, entries.get(0).get("sequence").asLong(), "the newest five, in order");
            assertTrue(entries.get(4).get("builtin").asBoolean());
        }
    }

    @Test
    void aLargeJournalIsStreamedAndPaged() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, java.util.Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"), "--admin-port", "0",
                "--journal-limit", "200000")) {
            send(server, 150_000);
            HttpResponse<InputStream> response = get(server, "/journal");
            assertEquals(200, response.statusCode());
            assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""));
            long count = 0;
            long previous = 0;
            try (JsonParser parser = JSON.getFactory().createParser(response.body())) {
                assertEquals(JsonToken.START_ARRAY, parser.nextToken());
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode entry = JSON.readTree(parser);
                    long sequence = entry.get("sequence").asLong();
                    assertTrue(sequence > previous);
                    previous = sequence;
                    count++;
                }
            }
            assertTrue(count >= 150_000, "every entry arrived: " + count);
            JsonNode page = JSON.readTree(get(server, "/journal?after=" + (previous - 10) + "&limit=3").body());
            assertEquals(3, page.size());
            assertEquals(previous - 9, page.get(0).get("sequence").asLong());
            assertFalse(page.get(0).has("nearMisses"), "a matched entry has no near-miss report");
        }
    }
}
