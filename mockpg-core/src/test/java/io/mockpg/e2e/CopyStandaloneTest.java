package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COPY FROM STDIN and TO STDOUT (docs/script-reference.md, "respond"; https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY) through pgjdbc's CopyManager and psql's \copy. */
class CopyStandaloneTest {
    private static final String SCRIPT = """
            rules:
              - id: load-items
                match: {regex: "(?i)^COPY\\\\s+items\\\\b.*FROM\\\\s+STDIN"}
                respond: {copy: true, columns: [{id: int4}, {name: text}]}
              - id: load-counted
                match: {regex: "(?i)^COPY\\\\s+counted\\\\b"}
                respond: {copy: true, affected: 5}
              - id: export-items
                match: {regex: "(?i)^COPY\\\\s+\\\\(\\\\s*SELECT id, name, note FROM items"}
                respond:
                  copy: true
                  columns: [{id: int4}, {name: text}, {note: text}]
                  rows:
                    - [1, "tab\\there", "back\\\\slash"]
                    - [2, "comma, and \\"quotes\\"", null]
                    - [3, "line\\nbreak", ""]
              - id: item-count
                match: {sql: SELECT count(*) FROM items}
                respond:
                  columns: [{count: int8}]
                  rows: [[2]]
            """;

    @TempDir
    Path directory;
    MockPgServer server;
    Connection connection;
    CopyManager copy;

    @BeforeEach
    void start() throws SQLException {
        server = MockPgServer.builder().scriptYaml(SCRIPT).start();
        connection = DriverManager.getConnection(server.jdbcUrl(), "app", "x");
        copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @AfterEach
    void stop() throws SQLException {
        connection.close();
        server.close();
    }

    private JournalEntry entry(String sqlStart) {
        List<JournalEntry> entries = server.journal().stream().filter(e -> e.sql().startsWith(sqlStart)).toList();
        assertEquals(1, entries.size(), server.journal().toString());
        return entries.get(0);
    }

    @Test
    void copyInTextKeepsTheDataInTheJournalAndTagsTheRowCount() throws Exception {
        String data = "1\tpen\n2\tink \\\\ ok\n3\t\\N\n";
        assertEquals(3, copy.copyIn("COPY items (id, name) FROM STDIN", new StringReader(data)));
        JournalEntry entry = entry("COPY items");
        assertEquals(data, entry.copyData());
        assertEquals("load-items", entry.ruleId());
        assertEquals("committed", entry.outcome());
        assertEquals(2, count(), "the session goes on after COPY");
    }

    @Test
    void copyInCsvWithHeaderCountsRecordsNotLines() throws Exception {
        String data = "id,name\n1,\"two\nlines\"\n2,\"a \"\"quoted\"\" word\"\n";
        assertEquals(2, copy.copyIn("COPY items FROM STDIN WITH (FORMAT csv, HEADER true)", new StringReader(data)));
        assertEquals(data, entry("COPY items").copyData());
    }

    @Test
    void affectedOverridesTheCopyCount() throws Exception {
        assertEquals(5, copy.copyIn("COPY counted FROM STDIN", new StringReader("1\n")));
    }

    @Test
    void copyFailEndsTheCopyWithAnErrorAndTheSessionGoesOn() throws Exception {
        CopyIn in = copy.copyIn("COPY items FROM STDIN");
        byte[] partial = "1\tpen\n".getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(partial, 0, partial.length);
        in.cancelCopy();
        assertTrue(!in.isActive());
        JournalEntry entry = entry("COPY items");
        assertEquals("1\tpen\n", entry.copyData());
        assertEquals("rolled_back", entry.outcome());
        assertEquals(2, count());
    }

    @Test
    void copyOutTextEscapesTabsBackslashesNewlinesAndNulls() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(3, copy.copyOut("COPY (SELECT id, name, note FROM items) TO STDOUT", out));
        assertEquals("1\ttab\\there\tback\\\\slash\n"
                + "2\tcomma, and \"quotes\"\t\\N\n"
                + "3\tline\\nbreak\t\n", out.toString());
        assertNull(entry("COPY (SELECT").copyData());
    }

    @Test
    void copyOutCsvQuotesWhatNeedsItAndWritesTheHeader() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(3, copy.copyOut("COPY (SELECT id, name, note FROM items) TO STDOUT WITH (FORMAT csv, HEADER)",
                out));
        assertEquals("id,name,note\n"
                + "1,tab\there,back\\slash\n"
                + "2,\"comma, and \"\"quotes\"\"\",\n"
                + "3,\"line\nbreak\",\"\"\n", out.toString());
    }

    @Test
    void psqlCopiesBothWays() throws Exception {
        Files.writeString(directory.resolve("in.csv"), "1,pen\n2,\"ink, blue\"\n");
        Psql.Result in = Psql.runIn(directory, server.port(), "", "\\copy items from 'in.csv' with (format csv)");
        assertEquals(0, in.exit(), in.stderr());
        assertEquals("COPY 2\n", in.stdout());
        assertEquals("1,pen\n2,\"ink, blue\"\n", entry("COPY").copyData());

        Psql.Result out = Psql.runIn(directory, server.port(), "",
                "\\copy (SELECT id, name, note FROM items) to 'out.csv' with csv");
        assertEquals(0, out.exit(), out.stderr());
        assertEquals("COPY 3\n", out.stdout());
        assertEquals("1,tab\there,back\\slash\n2,\"comma, and \"\"quotes\"\"\",\n3,\"line\nbreak\",\"\"\n",
                Files.readString(directory.resolve("out.csv")));
    }

    private int count() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
