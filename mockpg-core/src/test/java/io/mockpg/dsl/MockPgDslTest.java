package io.mockpg.dsl;

import io.mockpg.Fault;
import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.RuleSummary;
import io.mockpg.e2e.PgClients;
import io.mockpg.e2e.PgClients.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every method of MockPgDsl against real pgjdbc sessions, in the simple and the extended protocol. */
class MockPgDslTest {
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    private static Connection connect(Mode mode) throws SQLException {
        return PgClients.connect(server, mode);
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void statementWithParamsAnswersRowsOfJavaValues(Mode mode) throws SQLException {
        UUID id = UUID.fromString("6f1c1c9e-3f64-4a8e-9d52-1b2f3c4d5e6f");
        server.stub(statement("SELECT * FROM things WHERE id = $1").withParams(42)
                .willReturn(rows(column("n", "int4"), column("name", "text"), column("price", "numeric"),
                        column("ok", "bool"), column("uid", "uuid"), column("day", "date"), column("at", "timestamptz"),
                        column("raw", "bytea"), column("tags", "int4[]"), column("doc", "jsonb"),
                        column("took", "interval"), column("ratio", "float8"), column("local", "timestamp"),
                        column("t", "time"), column("big", "int8"))
                        .row(42, "Alice", new BigDecimal("10.50"), true, id, LocalDate.of(2024, 2, 29),
                                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), new byte[] {1, 2, (byte) 255},
                                List.of(1, 2, 3), Map.of("a", 1), Duration.ofMinutes(90), 0.25,
                                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), LocalTime.of(13, 14, 15), 1L << 40)));
        try (Connection c = connect(mode); PreparedStatement ps = c.prepareStatement("SELECT * FROM things WHERE id = ?")) {
            ps.setInt(1, 42);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt("n"));
                assertEquals("Alice", rs.getString("name"));
                assertEquals(new BigDecimal("10.50"), rs.getBigDecimal("price"));
                assertTrue(rs.getBoolean("ok"));
                assertEquals(id, rs.getObject("uid", UUID.class));
                assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("day", LocalDate.class));
                assertEquals(Instant.parse("2024-01-02T01:04:05Z"), rs.getObject("at", OffsetDateTime.class).toInstant());
                assertArrayEquals(new byte[] {1, 2, (byte) 255}, rs.getBytes("raw"));
                assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) rs.getArray("tags").getArray());
                assertEquals("{\"a\": 1}", rs.getString("doc"));
                assertEquals("01:30:00", rs.getString("took"));
                assertEquals(0.25, rs.getDouble("ratio"));
                assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), rs.getObject("local", LocalDateTime.class));
                assertEquals(LocalTime.of(13, 14, 15), rs.getObject("t", LocalTime.class));
                assertEquals(1L << 40, rs.getLong("big"));
                assertFalse(rs.next());
            }
            ps.setInt(1, 43);
            assertEquals("MP001", assertThrows(SQLException.class, ps::executeQuery).getSQLState());
        }
        server.verify(1, statement("SELECT * FROM things WHERE id = $1").withParams(42));
        server.verify(1, statement("SELECT * FROM things WHERE id = $1").withParams(43));
        server.verify(2, statement("SELECT * FROM things WHERE id = $1"));
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void regexWithIdTimesScenarioAndDelay(Mode mode) throws SQLException {
        server.stub(regex("(?i)^select .* from audit_log").withId("audit").times(1)
                .inScenario("audit").whenState("Started").willSetStateTo("Read")
                .willReturn(rows(column("n", "int8")).row(3L)).delay(Duration.ofMillis(50)));
        server.stub(regex("(?i)^select .* from audit_log").withId("audit-read")
                .inScenario("audit").whenState("Read")
                .willReturn(rows(column("n", "int8")).row(4L)));
        try (Connection c = connect(mode); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            assertEquals(3L, single(s, "select count(*) AS n from audit_log"));
            assertTrue(System.nanoTime() - started >= 50_000_000L, "delayed");
            assertEquals(4L, single(s, "SELECT count(*) AS n FROM audit_log"));
            assertEquals(4L, single(s, "SELECT count(*) AS n FROM audit_log"));
        }
        assertEquals(List.of(1L, 2L), server.rules().stream().filter(r -> r.id().startsWith("audit"))
                .map(RuleSummary::answered).sorted().toList());
        server.verify(1, anyStatement().withId("audit"));
        server.verify(2, anyStatement().withId("audit-read"));
        server.verify(3, regex("audit_log"));
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void errorWithEveryFieldThenRowsInSequence(Mode mode) throws SQLException {
        server.stub(statement("INSERT INTO users (email) VALUES ($1)").withParams("dup@example.com")
                .willReturn(error("23505", "duplicate key value violates unique constraint \"users_email_key\"")
                        .detail("Key (email)=(dup@example.com) already exists.").hint("use another email")
                        .schema("public").table("users").column("email").constraint("users_email_key").position(8)
                        .where("PL/pgSQL function add_user(text) line 3 at SQL statement").dataType("citext")
                        .internalQuery("INSERT INTO users VALUES ($1)").internalPosition(13)
                        .file("nbtinsert.c").line(664).routine("_bt_check_unique"))
                .thenReturn(affected(1)));
        try (Connection c = connect(mode); PreparedStatement ps = c.prepareStatement("INSERT INTO users (email) VALUES (?)")) {
            ps.setString(1, "dup@example.com");
            PSQLException e = assertThrows(PSQLException.class, ps::executeUpdate);
            ServerErrorMessage m = e.getServerErrorMessage();
            assertEquals("23505", m.getSQLState());
            assertEquals("duplicate key value violates unique constraint \"users_email_key\"", m.getMessage());
            assertEquals("ERROR", m.getSeverity());
            assertEquals("Key (email)=(dup@example.com) already exists.", m.getDetail());
            assertEquals("use another email", m.getHint());
            assertEquals("public", m.getSchema());
            assertEquals("users", m.getTable());
            assertEquals("email", m.getColumn());
            assertEquals("users_email_key", m.getConstraint());
            assertEquals(8, m.getPosition());
            assertEquals("PL/pgSQL function add_user(text) line 3 at SQL statement", m.getWhere());
            assertEquals("citext", m.getDatatype());
            assertEquals("INSERT INTO users VALUES ($1)", m.getInternalQuery());
            assertEquals(13, m.getInternalPosition());
            assertEquals("nbtinsert.c", m.getFile());
            assertEquals(664, m.getLine());
            assertEquals("_bt_check_unique", m.getRoutine());
            assertEquals(1, ps.executeUpdate());
            assertEquals(1, ps.executeUpdate(), "the last answer repeats");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void affectedTagAndEmpty(Mode mode) throws SQLException {
        server.stub(statement("UPDATE orders SET status = $1 WHERE id = $2").willReturn(affected(1)));
        server.stub(statement("DELETE FROM orders").willReturn(tag("DELETE 3")));
        server.stub(statement("CREATE TABLE t (id int)").willReturn(empty()));
        try (Connection c = connect(mode); PreparedStatement ps = c.prepareStatement("UPDATE orders SET status = ? WHERE id = ?");
             Statement s = c.createStatement()) {
            ps.setString(1, "shipped");
            ps.setInt(2, 7);
            assertEquals(1, ps.executeUpdate());
            assertEquals(3, s.executeUpdate("DELETE FROM orders"));
            assertEquals(0, s.executeUpdate("CREATE TABLE t (id int)"));
        }
        assertEquals(List.of("shipped", "7"), server.find(statement("UPDATE orders SET status = $1 WHERE id = $2"))
                .get(0).params());
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void anyStatementWithParamPatternsWillFault(Mode mode) throws SQLException {
        // stubs added later are tried first
        server.stub(statement("SELECT $1::text AS a, $2::text AS b").willReturn(rows(column("a", "text")).row("kept")));
        // in the simple protocol a statement's parameters are the literals a rule's $n captured: anyStatement has none
        server.stub((mode == Mode.SIMPLE ? statement("SELECT $1::text AS a, $2::text AS b") : anyStatement())
                .withParams(anyParam(), paramMatching("^x.*")).willFault(Fault.CONNECTION_CLOSED));
        try (Connection c = connect(mode); PreparedStatement ps = c.prepareStatement("SELECT ?::text AS a, ?::text AS b")) {
            ps.setString(1, "whatever");
            ps.setString(2, "yz");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(1));
            }
            ps.setString(2, "xyz");
            SQLException e = assertThrows(SQLException.class, ps::executeQuery);
            assertEquals("08006", e.getSQLState());
            assertTrue(c.isClosed() || !c.isValid(1));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void faultsPlayAsPostgresFails(Mode mode) throws SQLException {
        server.stub(statement("SELECT 40001").willFault(Fault.SERIALIZATION_FAILURE));
        server.stub(statement("SELECT 40").willFault(Fault.DEADLOCK));
        server.stub(statement("SELECT 57014").willFault(Fault.QUERY_CANCELED));
        server.stub(statement("SELECT 57").willFault(Fault.ADMIN_SHUTDOWN));
        try (Connection c = connect(mode); Statement s = c.createStatement()) {
            assertEquals("40001", assertThrows(SQLException.class, () -> s.execute("SELECT 40001")).getSQLState());
            assertEquals("40P01", assertThrows(SQLException.class, () -> s.execute("SELECT 40")).getSQLState());
            assertEquals("57014", assertThrows(SQLException.class, () -> s.execute("SELECT 57014")).getSQLState());
            assertEquals("57P01", assertThrows(SQLException.class, () -> s.execute("SELECT 57")).getSQLState());
            assertTrue(c.isClosed() || !c.isValid(1), "FATAL closes the connection");
        }
        server.stub(statement("SELECT n FROM big").willReturn(rows(column("n", "int4")).row(1).row(2).row(3)
                .closeAfterRows(1)));
        try (Connection c = connect(mode); Statement s = c.createStatement()) {
            assertEquals("08006", assertThrows(SQLException.class, () -> s.executeQuery("SELECT n FROM big")).getSQLState());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void noticesRepeatAndNotify(Mode mode) throws Exception {
        server.stub(statement("SELECT n FROM series").willReturn(rows(column("n", "int4"), column("label", "text"))
                .row("{{row}}", "row {{row}}").repeat(5)
                .notices(notice("heads up").severity("WARNING").code("01000").detail("d").hint("h"))));
        server.stub(statement("SELECT announce()").willReturn(rows(column("announce", "void")).row((Object) null)
                .notify("news", "hello")));
        try (Connection listener = connect(mode); Connection c = connect(mode); Statement s = c.createStatement()) {
            listener.createStatement().execute("LISTEN news");
            try (ResultSet rs = s.executeQuery("SELECT n FROM series")) {
                SQLWarning warning = s.getWarnings();
                assertEquals("heads up", warning.getMessage());
                assertEquals("01000", warning.getSQLState());
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertEquals(rows, rs.getInt(1));
                    assertEquals("row " + rows, rs.getString(2));
                }
                assertEquals(5, rows);
            }
            s.execute("SELECT announce()");
            listener.createStatement().execute("SELECT 1");
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5000);
            assertEquals(1, notifications.length);
            assertEquals("news", notifications[0].getName());
            assertEquals("hello", notifications[0].getParameter());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void copyInAndOut(Mode mode) throws Exception {
        server.stub(statement("COPY items (id, name) FROM STDIN").willReturn(copy()));
        server.stub(statement("COPY items TO STDOUT").willReturn(rows(column("id", "int4"), column("name", "text"))
                .row(1, "a").row(2, "b").copy()));
        try (Connection c = connect(mode)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertEquals(2, copy.copyIn("COPY items (id, name) FROM STDIN", new StringReader("1\ta\n2\tb\n")));
            java.io.StringWriter out = new java.io.StringWriter();
            assertEquals(2, copy.copyOut("COPY items TO STDOUT", out));
            assertEquals("1\ta\n2\tb\n", out.toString());
        }
        assertEquals("1\ta\n2\tb\n", server.find(statement("COPY items (id, name) FROM STDIN")).get(0).copyData());
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void withUserWithDatabaseAndParamTypes(Mode mode) throws SQLException {
        server.stub(statement("SELECT who()").willReturn(rows(column("who", "text")).row("someone")));
        server.stub(statement("SELECT who()").withUser("alice").withDatabase("shop")
                .willReturn(rows(column("who", "text")).row("alice in shop")));
        server.stub(statement("SELECT v FROM t WHERE k = $1").withParamTypes("int8")
                .willReturn(rows(column("v", "text")).row("v")));
        String url = server.jdbcUrl().replace("/mockpg", "/shop") + (mode == Mode.SIMPLE ? "?preferQueryMode=simple" : "");
        try (Connection alice = java.sql.DriverManager.getConnection(url, "alice", "x");
             Connection bob = java.sql.DriverManager.getConnection(url, "bob", "x")) {
            assertEquals("alice in shop", text(alice, "SELECT who()"));
            assertEquals("someone", text(bob, "SELECT who()"));
            if (mode == Mode.EXTENDED) {
                try (PreparedStatement ps = alice.prepareStatement("SELECT v FROM t WHERE k = ?")) {
                    ParameterMetaData meta = ps.getParameterMetaData();
                    assertEquals(Types.BIGINT, meta.getParameterType(1));
                }
            }
        }
        server.verify(1, statement("SELECT who()").withUser("alice").withDatabase("shop"));
        server.verify(2, statement("SELECT who()").withDatabase("shop"));
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void verifyCommittedAndRolledBack(Mode mode) throws SQLException {
        server.stub(statement("INSERT INTO orders (customer_id, amount) VALUES ($1, $2)").willReturn(affected(1)));
        try (Connection c = connect(mode); PreparedStatement ps =
                c.prepareStatement("INSERT INTO orders (customer_id, amount) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            ps.setInt(1, 7);
            ps.setBigDecimal(2, new BigDecimal("10.00"));
            ps.executeUpdate();
            c.rollback();
            ps.setInt(1, 8);
            ps.executeUpdate();
            c.commit();
        }
        var insert = statement("INSERT INTO orders (customer_id, amount) VALUES ($1, $2)");
        server.verify(1, insert.committed());
        server.verify(1, insert.rolledBack());
        server.verify(1, insert.withParams(8, new BigDecimal("10")).committed());
        AssertionError error = assertThrows(AssertionError.class, () -> server.verify(2, insert.committed()));
        assertTrue(error.getMessage().startsWith("expected 2 statements matching: statement(\"INSERT INTO orders"
                + " (customer_id, amount) VALUES ($1, $2)\").committed()\nbut 1 matched;"), error.getMessage());
        List<JournalEntry> found = server.find(insert);
        assertEquals(2, found.size());
        assertEquals("rolled_back", found.get(0).outcome());
        assertTrue(found.get(0).sequence() < found.get(1).sequence());
        assertFalse(found.get(0).builtin());
        assertTrue(server.journal().stream().anyMatch(JournalEntry::builtin), "BEGIN/COMMIT are built-in answers");
    }

    @ParameterizedTest
    @EnumSource(names = {"SIMPLE", "EXTENDED"})
    void unmatchedEntryCarriesItsNearMisses(Mode mode) throws SQLException {
        server.stub(statement("SELECT name FROM users WHERE id = $1").withId("user-by-id")
                .willReturn(rows(column("name", "text")).row("Alice")));
        try (Connection c = connect(mode); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT name FROM user WHERE id = 1"));
        }
        JournalEntry unmatched = server.unmatched().get(0);
        assertTrue(unmatched.nearMisses().orElseThrow().contains("user-by-id"), unmatched.nearMisses().orElseThrow());
        assertTrue(server.find(statement("SELECT name FROM users WHERE id = $1")).isEmpty());
        assertTrue(server.journal().stream().filter(entry -> !entry.unmatched()).allMatch(e -> e.nearMisses().isEmpty()));
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
