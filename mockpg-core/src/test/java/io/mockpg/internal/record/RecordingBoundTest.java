package io.mockpg.internal.record;

import io.mockpg.internal.upstream.UpstreamUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recorder keeps one answer per distinct statement, parameters and answer, however often it
 * comes: a long recording of a repetitive load holds what it will write, not every execution
 * (docs/performance.md, the 60-second recording).
 */
class RecordingBoundTest {
    private static final int ROUNDS = 500;

    @TempDir
    Path directory;

    @Test
    void repeatedStatementsKeepOneAnswerEach() throws Exception {
        Path script = directory.resolve("bound.yaml");
        List<String> warnings = new ArrayList<>();
        Recorder recorder = new Recorder(UpstreamUrl.parse(RecordingDatabase.url() + "?sslmode=disable", Map.of()),
                script, "test", warnings::add);
        try {
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            // bound (pgjdbc prepares it server-side after five uses) and inlined (the simple protocol)
            for (String mode : List.of("", "?preferQueryMode=simple")) {
                String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/" + RecordingDatabase.NAME + mode;
                try (Connection connection = DriverManager.getConnection(jdbc, RecordingDatabase.credentials("app", "x"));
                     PreparedStatement byId = connection.prepareStatement("SELECT name FROM items WHERE id = ?");
                     Statement count = connection.createStatement()) {
                    for (int i = 0; i < ROUNDS; i++) {
                        byId.setInt(1, 1 + i % 3);
                        try (ResultSet rows = byId.executeQuery()) {
                            assertTrue(rows.next());
                            assertEquals(List.of("apple", "bread", "o'brien").get(i % 3), rows.getString(1));
                        }
                        try (ResultSet rows = count.executeQuery("SELECT count(*) AS n FROM items WHERE id <= 3")) {
                            assertTrue(rows.next());
                            assertEquals(3, rows.getInt(1));
                        }
                    }
                }
            }
            Recording.Snapshot snapshot = recorder.recording().snapshot();
            assertEquals(2L * ROUNDS * 2, snapshot.answers());
            // three ids and the count, the same in both protocols: four entries of one answer each
            assertEquals(4, snapshot.rules().size(), snapshot.rules().toString());
            assertEquals(4, recorder.recording().answersHeld(), snapshot.rules().toString());
            for (Recording.Snapshot.Rule rule : snapshot.rules()) {
                assertEquals(1, rule.responses().size(), rule.toString());
            }
        } finally {
            recorder.close();
        }
        String text = Files.readString(script);
        assertEquals(4, text.split("\n  - match:", -1).length - 1, text);
        assertTrue(text.contains("sql: SELECT name FROM items WHERE id = $1\n      params: [2]"), text);
        assertEquals(List.of(), warnings);
    }
}
