package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -Dmockpg.record=URL: a class with one classpath script records it from the upstream; without it, it replays. */
class RecordOnceTest {
    @TempDir
    Path directory;

    /** Stands for the real database: the test reads its answers through the recorder. */
    private static final String UPSTREAM = """
            rules:
              - match: {sql: SELECT name FROM users WHERE id = $1}
                respond: {columns: [{name: text}], rows: [[Alice]]}
            """;

    @Test
    void aClassRecordsItsScriptWhenAskedToAndThenReplaysIt() throws Exception {
        EngineExecutionResults results;
        try (MockPgServer upstream = MockPgServer.builder().scriptYaml(UPSTREAM).start()) {
            System.setProperty(RecordOnce.URL_PROPERTY,
                    "postgresql://app@127.0.0.1:" + upstream.port() + "/shop?sslmode=disable");
            System.setProperty(RecordOnce.DIR_PROPERTY, directory.toString());
            try {
                results = CaseRunner.run(RecordingCase.class);
            } finally {
                System.clearProperty(RecordOnce.URL_PROPERTY);
                System.clearProperty(RecordOnce.DIR_PROPERTY);
            }
            assertEquals(List.of(), CaseRunner.testFailures(results));
            assertEquals(List.of(), CaseRunner.classFailures(results));
            assertEquals(1, upstream.journal().stream().filter(e -> e.sql().startsWith("SELECT name")).count(),
                    "the statement reached the upstream: " + upstream.journal());
        }
        assertEquals(1, results.testEvents().succeeded().count());
        Path script = directory.resolve("recorded/users.yaml");
        String text = Files.readString(script);
        assertTrue(text.contains("sql: SELECT name FROM users WHERE id = $1\n      params: [42]"), text);
        // without the property the class replays: here the same script, served by mockpg
        try (MockPgServer replay = MockPgServer.builder().script(script).start();
             Connection connection = DriverManager.getConnection(replay.jdbcUrl())) {
            assertEquals("Alice", RecordingCase.nameOf(connection, 42));
        }
    }

    @MockPg(scripts = "classpath:recorded/users.yaml")
    static class RecordingCase {
        @Test
        void readsAUser(Connection connection) throws Exception {
            assertEquals("Alice", nameOf(connection, 42));
        }

        static String nameOf(Connection connection, int id) throws Exception {
            try (var statement = connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }
    }
}
