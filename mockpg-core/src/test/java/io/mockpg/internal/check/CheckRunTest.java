package io.mockpg.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import io.mockpg.testing.OwnDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mockpg check}'s output and exit status: clean, drifted, a script that does not load, no database. */
class CheckRunTest {
    static final String CLEAN = """
            rules:
              - id: customer-by-id
                match:
                  sql: SELECT id, name FROM customers WHERE id = $1
                respond:
                  columns: [{id: int4}, {name: text}]
              - match: {regex: customers}
            """;
    static final String DRIFTED = """
            rules:
              - id: customer-by-id
                match:
                  sql: SELECT id, name FROM customers WHERE id = $1
                respond:
                  columns: [{id: int8}, {name: text}]
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String url, ProbeConnector connector, boolean json, String... scripts) {
        return CheckRun.run(url, json, List.of(scripts), connector, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(boolean json, String... scripts) {
        return run(CheckSchema.url(), UpstreamProbes::open, json, scripts);
    }

    private String script(String name, String yaml) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, yaml);
        return file.toString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanScriptPrintsTheSummaryAndExitsZero() throws IOException {
        assertEquals(0, run(false, script("clean.yaml", CLEAN)));
        assertEquals("1 rules checked, 0 drifted, 1 not checked\n", out());
        assertEquals("", err());
    }

    @Test
    void aDriftIsOneLineAtItsPlaceAndExitsOne() throws IOException {
        String file = script("drifted.yaml", DRIFTED);
        assertEquals(1, run(false, script("clean.yaml", CLEAN), file));
        assertEquals(file + ":6:17: rule customer-by-id: column 'id' is int4 in the database, not int8\n"
                + "2 rules checked, 1 drifted, 1 not checked\n", out());
    }

    @Test
    void jsonIsOneObject() throws IOException {
        String file = script("drifted.yaml", DRIFTED);
        assertEquals(1, run(true, file));
        JsonNode report = new ObjectMapper().readTree(out());
        assertEquals(1, report.get("checked").asInt());
        assertEquals(1, report.get("drifted").asInt());
        assertEquals(0, report.get("notChecked").asInt());
        JsonNode drift = report.get("drifts").get(0);
        assertEquals(file, drift.get("file").asText());
        assertEquals(6, drift.get("line").asInt());
        assertEquals(17, drift.get("column").asInt());
        assertEquals("customer-by-id", drift.get("rule").asText());
        assertEquals("column 'id' is int4 in the database, not int8", drift.get("message").asText());
        assertEquals("1 rules checked, 1 drifted, 0 not checked", report.get("summary").asText());
        assertEquals(1, out().strip().lines().count());
    }

    @Test
    void aScriptThatDoesNotLoadExitsTwoWithTheLoadersMessagesAndChecksNothing() throws IOException {
        String bad = script("bad.yaml", "rules:\n  - match: {sql: SELECT 1}\n    respnd: {}\n");
        String missing = directory.resolve("missing.yaml").toString();
        assertEquals(2, run(CheckSchema.url(), url -> {
            throw new AssertionError("nothing is checked when a script does not load");
        }, false, script("clean.yaml", CLEAN), bad, missing));
        assertEquals(bad + ":3:5: unknown key 'respnd' in rule; did you mean 'respond'?\n"
                + missing + ":1:1: file not found\n", err());
        assertEquals("", out());
    }

    @Test
    void anUnreachableDatabaseExitsOneWithTheReasonAndNoReport() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://app:app-secret@127.0.0.1:" + closedPort + "/checkdb";
        assertEquals(1, run(url, UpstreamProbes::open, false, script("clean.yaml", CLEAN)));
        assertEquals("", out());
        assertEquals("mockpg check: cannot check against the database: cannot connect to upstream 127.0.0.1:"
                + closedPort + ": connection refused\n", err());
    }

    @Test
    void aRefusedLoginExitsOneWithTheReasonAndNoReport() throws IOException {
        String url = OwnDatabase.url("app", "wrong-secret", "checkdb");
        assertEquals(1, run(url, UpstreamProbes::open, true, script("clean.yaml", CLEAN)));
        assertEquals("{\"error\":\"cannot check against the database: upstream 127.0.0.1:"
                + URI.create(url).getPort() + " refused the session: FATAL 28P01 password authentication failed for"
                + " user \\\"app\\\"\"}\n", out());
        assertTrue(err().startsWith("mockpg check: cannot check against the database:"), err());
        assertTrue(!err().contains("wrong-secret") && !out().contains("wrong-secret"), "the password is never shown");
    }
}
