package io.mockpg.internal.record;

import io.mockpg.MockPgServer;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.internal.upstream.UpstreamUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record a pgjdbc conversation with the real PostgreSQL, replay the script with mockpg: the same transcript. */
class RecordReplayTest {
    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aReplayGivesTheClientWhatTheRecordingGaveIt() throws Exception {
        for (String mode : List.of("", "?preferQueryMode=simple", "?prepareThreshold=-1")) {
            Path script = directory.resolve("mode" + mode.length() + ".yaml");
            List<String> recorded = record(script, mode);
            List<String> replayed = replay(script, mode);
            assertEquals(recorded, replayed, "mode " + mode + ", script:\n" + Files.readString(script));
            assertTrue(recorded.contains("row | apple | 1.50"), recorded.toString());
            assertTrue(recorded.stream().anyMatch(line -> line.startsWith("error 42P01")), recorded.toString());
            assertTrue(recorded.stream().anyMatch(line -> line.startsWith("error 23505")), recorded.toString());
            assertTrue(recorded.contains("notice 00000 hello from plpgsql"), recorded.toString());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void theScriptHasOneRulePerStatementAndParametersInFirstSeenOrder() throws Exception {
        Path script = directory.resolve("shop.yaml");
        record(script, "");
        String text = Files.readString(script);
        assertFalse(text.contains("app-secret"), text);
        assertTrue(text.startsWith("# Recorded by mockpg "), text);
        assertTrue(text.contains("  version: \"15."), text);
        assertTrue(text.contains("    TimeZone: "), text);
        // the prepared select with id = 1, 2, 3, 9: one rule each, in the order first seen
        int one = text.indexOf("sql: SELECT name, price FROM items WHERE id = $1\n      params: [1]");
        int two = text.indexOf("sql: SELECT name, price FROM items WHERE id = $1\n      params: [2]");
        assertTrue(one > 0 && two > one, text);
        assertEquals(1, count(text, "params: [1]\n"), text);
        // count(*) answered 3, then 4 in the transaction, then 3 again: a respond list
        assertTrue(text.contains("""
                  - match:
                      sql: SELECT count(*) AS n FROM items
                    respond:
                      - columns:
                """), text);
        // driver chatter (BEGIN, ROLLBACK, SET ...) is left to the built-ins
        assertFalse(text.contains("sql: BEGIN"), text);
        assertFalse(text.contains("sql: ROLLBACK"), text);
        assertEquals(0, ScriptLoader.load(script).rules().stream().filter(rule -> rule.match().sql() == null).count());
    }

    @Test
    void recordingTheSameRunTwiceGivesTheSameFileButItsHeader() throws Exception {
        Path first = directory.resolve("first.yaml");
        Path second = directory.resolve("second.yaml");
        record(first, "");
        record(second, "");
        assertEquals(withoutHeader(Files.readString(first)), withoutHeader(Files.readString(second)));
    }

    @Test
    void recordingAReplayGivesTheSameScript() throws Exception {
        Path original = directory.resolve("original.yaml");
        record(original, "");
        Path again = directory.resolve("again.yaml");
        try (MockPgServer replay = MockPgServer.builder().script(original).start()) {
            String replayUrl = "postgresql://app@127.0.0.1:" + replay.port() + "/record?sslmode=disable";
            recordFrom(replayUrl, again, "");
        }
        assertEquals(withoutHeader(Files.readString(original)), withoutHeader(Files.readString(again)));
    }

    private List<String> record(Path script, String mode) throws Exception {
        return recordFrom(RecordingDatabase.url() + "?sslmode=disable", script, mode);
    }

    private List<String> recordFrom(String upstream, Path script, String mode) throws Exception {
        Recorder recorder = new Recorder(UpstreamUrl.parse(upstream, Map.of()), script, "test", warnings::add);
        try {
            var address = recorder.start("127.0.0.1", 0, false);
            String jdbc = "jdbc:postgresql://127.0.0.1:" + address.getPort() + "/record" + mode;
            try (Connection connection = DriverManager.getConnection(jdbc, RecordingDatabase.credentials("app", "anything"))) {
                return Conversation.run(connection);
            }
        } finally {
            recorder.close();
        }
    }

    private static List<String> replay(Path script, String mode) throws Exception {
        try (MockPgServer server = MockPgServer.builder().script(script).start();
             Connection connection = DriverManager.getConnection(server.jdbcUrl() + mode,
                     RecordingDatabase.credentials("app", "anything"))) {
            return Conversation.run(connection);
        }
    }

    private static String withoutHeader(String script) {
        return script.lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
