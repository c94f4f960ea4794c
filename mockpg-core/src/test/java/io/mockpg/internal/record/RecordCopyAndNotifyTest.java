package io.mockpg.internal.record;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.mockpg.testing.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COPY in both directions and LISTEN/NOTIFY through {@code mockpg record} with pgjdbc against
 * the real PostgreSQL: what the client gets is PostgreSQL's, and the recorded COPY TO STDOUT
 * replays the same data.
 */
class RecordCopyAndNotifyTest {
    private static final String DATABASE = "replaycopy";
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS copy_items (id int4 PRIMARY KEY, name text NOT NULL, note text);
            INSERT INTO copy_items VALUES (1, 'apple', 'crisp'), (2, 'bread', NULL),
              (3, E'tab\\tand "quote"', E'two\\nlines, and a \\\\ backslash')
            ON CONFLICT (id) DO NOTHING;
            """;
    private static final String COPY_TEXT = "COPY (SELECT id, name, note FROM copy_items ORDER BY id) TO STDOUT";
    private static final String COPY_CSV = "COPY copy_items (id, name, note) TO STDOUT WITH (FORMAT csv, HEADER)";
    /** What PostgreSQL writes for COPY_TEXT: tabs between values, \N for NULL, backslash escapes. */
    private static final String TEXT_DATA = "1\tapple\tcrisp\n2\tbread\t\\N\n"
            + "3\ttab\\tand \"quote\"\ttwo\\nlines, and a \\\\ backslash\n";
    private static final String CSV_DATA = "id,name,note\n1,apple,crisp\n2,bread,\n"
            + "3,\"tab\tand \"\"quote\"\"\",\"two\nlines, and a \\ backslash\"\n";

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void copyInBothDirectionsGoesThroughTheRecorderAndTheCopyOutReplays() throws Exception {
        Path script = directory.resolve("copy.yaml");
        String upstream = OwnDatabase.prepare(DATABASE, SCHEMA) + "?sslmode=disable";
        Recorder recorder = new Recorder(UpstreamUrl.parse(upstream, Map.of()), script, "test", warnings::add);
        try {
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            try (Connection connection = connect(port)) {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                assertEquals(TEXT_DATA, copyOut(copy, COPY_TEXT));
                assertEquals(CSV_DATA, copyOut(copy, COPY_CSV));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TEMP TABLE copy_in (id int4, name text)");
                }
                long copied = copy.copyIn("COPY copy_in FROM STDIN", new StringReader("7\tseven\n8\t\\N\n"));
                assertEquals(2, copied);
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT id, name FROM copy_in ORDER BY id")) {
                    assertTrue(rows.next());
                    assertEquals(7, rows.getInt(1));
                    assertEquals("seven", rows.getString(2));
                    assertTrue(rows.next());
                    assertEquals(8, rows.getInt(1));
                    assertEquals(null, rows.getString(2));
                }
            }
        } finally {
            recorder.close();
        }
        String text = Files.readString(script);
        assertTrue(text.contains("""
                  - match:
                      sql: COPY copy_items (id, name, note) TO STDOUT WITH (FORMAT csv, HEADER)
                    respond:
                      copy: true
                      columns:
                        - id: text
                        - name: text
                        - note: text
                      rows:
                        - ["1", apple, crisp]
                """), text);
        assertEquals(List.of(), warnings);

        try (MockPgServer replay = MockPgServer.builder().script(script).start();
             Connection connection = DriverManager.getConnection(replay.jdbcUrl(),
                     RecordingDatabase.credentials("app", "anything"))) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            assertEquals(TEXT_DATA, copyOut(copy, COPY_TEXT), text);
            assertEquals(CSV_DATA, copyOut(copy, COPY_CSV), text);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE copy_in (id int4, name text)");
            }
            assertEquals(2, copy.copyIn("COPY copy_in FROM STDIN", new StringReader("7\tseven\n8\t\\N\n")));
            JournalEntry copied = replay.journal().stream().filter(entry -> entry.sql().startsWith("COPY copy_in"))
                    .findFirst().orElseThrow();
            assertEquals("7\tseven\n8\t\\N\n", copied.copyData());
        }
    }

    @Test
    void notificationsGoThroughTheRecorderFromOneSessionToAnother() throws Exception {
        String upstream = OwnDatabase.prepare(DATABASE, SCHEMA) + "?sslmode=disable";
        Recorder recorder = new Recorder(UpstreamUrl.parse(upstream, Map.of()), directory.resolve("notify.yaml"),
                "test", warnings::add);
        try {
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            try (Connection listener = connect(port); Connection notifier = connect(port)) {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN replay_channel");
                }
                try (Statement statement = notifier.createStatement()) {
                    statement.execute("NOTIFY replay_channel, 'first'");
                    statement.execute("SELECT pg_notify('replay_channel', 'second')");
                }
                List<PGNotification> received = new ArrayList<>();
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (received.size() < 2) {
                    PGNotification[] batch = pg.getNotifications(10_000);
                    assertNotNull(batch, "no notification within 10 s; got " + received.size());
                    received.addAll(List.of(batch));
                }
                assertEquals(List.of("replay_channel first", "replay_channel second"),
                        received.stream().map(n -> n.getName() + " " + n.getParameter()).toList());
                // the notifying session's process id: the recorder relays the upstream's BackendKeyData
                int notifierPid = notifier.unwrap(PGConnection.class).getBackendPID();
                assertTrue(received.stream().allMatch(n -> n.getPID() == notifierPid), received::toString);
                assertEquals(notifierPid, backendPid(notifier));
            }
        } finally {
            recorder.close();
        }
    }

    private static String copyOut(CopyManager copy, String sql) throws Exception {
        StringWriter out = new StringWriter();
        copy.copyOut(sql, out);
        return out.toString();
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid() AS pid")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?sslmode=disable",
                RecordingDatabase.credentials("app", "anything"));
    }
}
