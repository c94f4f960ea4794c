package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code setFetchSize} in a transaction: pgjdbc executes the portal with a row limit and the
 * server answers PortalSuspended and resumes on the next Execute (simple mode ignores the fetch
 * size and reads everything at once). Rows must all arrive, in order, from one statement.
 */
class FetchSizeE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: numbers
                    match: { sql: "SELECT n, label FROM numbers WHERE n <= $1" }
                    respond:
                      columns: [{n: int8}, {label: text}]
                      rows: [["{{row}}", "row {{row}} of {{$1}}"]]
                      repeat: 2345
                """).start();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void rowsArriveInOrderAcrossSuspendedPortal(PgClients.Mode mode) throws Exception {
        server.reset();
        try (Connection c = PgClients.connect(server, mode);
             PreparedStatement p = c.prepareStatement("SELECT n, label FROM numbers WHERE n <= ?")) {
            c.setAutoCommit(false);
            p.setFetchSize(100);
            p.setInt(1, 2345);
            long expected = 1;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    assertEquals(expected, rs.getLong(1));
                    assertEquals("row " + expected + " of 2345", rs.getString(2));
                    expected++;
                }
            }
            c.commit();
            assertEquals(2346, expected);
            List<JournalEntry> journal = PgClients.scripted(server);
            assertEquals(1, journal.size(), journal.toString());
            assertEquals("numbers", journal.get(0).ruleId());
            assertEquals(List.of("2345"), journal.get(0).params());
            assertEquals("committed", journal.get(0).outcome());
        }
    }
}
