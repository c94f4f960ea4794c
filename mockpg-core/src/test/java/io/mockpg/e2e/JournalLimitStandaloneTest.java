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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone server's journal under {@code --journal-limit}: the oldest entries go, the admin
 * API says how many, a server at -Xmx128m that nobody empties keeps a bounded heap, and
 * {@code GET /journal} streams a large journal from a server with a small heap (the whole JSON
 * of 100,000 entries is larger than the heap share it may take).
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

    /**
     * Statements in simple-protocol batches of 1,000, answered by the built-ins; a server that
     * stops answering fails it after 60 s.
     */
    private static void send(StandaloneProcess server, int statements) throws Exception {
        try (Connection c = DriverManager.getConnection(
                server.jdbcUrl("mockpg") + "?preferQueryMode=simple&socketTimeout=60", "app", "x");
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
    void aServerThatNeverEmptiesItsJournalKeepsItsHeapBoundedAt128m() throws Exception {
        Path gcLog = directory.resolve("gc.log");
        try (StandaloneProcess server = StandaloneProcess.start(directory, List.of("-Xmx128m", "-Xlog:gc:file=" + gcLog),
                Map.of(), "--admin-port", "0")) {
            // about 130 MB of journal before it was bounded (at 134 bytes a statement at -Xmx256m,
            // 1.9 million statements were the end); four sessions at once, as a test suite's pool
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Object>> sessions = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    sessions.add(pool.submit(() -> {
                        send(server, 400_000);
                        return null;
                    }));
                }
                for (Future<Object> session : sessions) {
                    session.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            send(server, 1_000); // and it still answers
            fullGc(server);
            int heap = SoakStandaloneTest.lastHeapAfterGc(gcLog);
            assertTrue(heap >= 0 && heap < 64, "heap after a full GC " + heap + " MB");
            assertFalse(server.stderr().contains("OutOfMemoryError"), server.stderr());
            HttpResponse<InputStream> page = get(server, "/journal?limit=1");
            page.body().close();
            long dropped = Long.parseLong(page.headers().firstValue("mockpg-journal-dropped").orElseThrow());
            assertTrue(dropped >= 1_601_000 - 100_000, "the default limit keeps the newest 100,000: " + dropped);
        }
    }

    /** A full collection in the server, through jcmd, so that the GC log says what stays. */
    private static void fullGc(StandaloneProcess server) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.process().pid()), "GC.run").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jcmd.waitFor(), output);
    }

    @Test
    void aLargeJournalIsStreamedAndPaged() throws Exception {
        // the default limit keeps 100,000 entries: their JSON alone is larger than the heap's share
        try (StandaloneProcess server = StandaloneProcess.start(directory, List.of("-Xmx64m"), Map.of(),
                "--admin-port", "0")) {
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
            assertEquals(100_000, count, "every entry the journal keeps arrived");
            assertTrue(Long.parseLong(response.headers().firstValue("mockpg-journal-dropped").orElseThrow()) >= 50_000);
            JsonNode page = JSON.readTree(get(server, "/journal?after=" + (previous - 10) + "&limit=3").body());
            assertEquals(3, page.size());
            assertEquals(previous - 9, page.get(0).get("sequence").asLong());
            assertFalse(page.get(0).has("nearMisses"), "a matched entry has no near-miss report");
        }
    }
}
