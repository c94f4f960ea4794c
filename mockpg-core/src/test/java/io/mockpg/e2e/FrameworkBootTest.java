package io.mockpg.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.MockPgServer;
import io.mockpg.testing.RealPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What frameworks send at boot besides the driver's own chatter (examples/compat/frameworks/README.md), answered
 * by the built-ins as the real PostgreSQL answers a fresh database: pgjdbc's getSQLKeywords()
 * (Hibernate 6.6), Hibernate's sequence check, and MP001 for an unknown catalog query.
 */
class FrameworkBootTest {
    private static final String SEQUENCES = "select * from information_schema.sequences";

    @Test
    void sqlKeywordsAreThoseOfPostgres() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Connection real = realPostgres()) {
            String keywords = mock.getMetaData().getSQLKeywords();

            assertEquals(real.getMetaData().getSQLKeywords(), keywords);
            assertTrue(keywords.startsWith("abort,access,aggregate,also,analyse,analyze,"), keywords);
            assertFalse(("," + keywords + ",").contains(",select,"), "SQL:2003 keywords are excluded");
        }
    }

    @Test
    void aFreshDatabaseHasNoSequencesWithTheViewsColumnTypes() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Connection real = realPostgres();
                Statement onMock = mock.createStatement();
                Statement onReal = real.createStatement();
                ResultSet mocked = onMock.executeQuery(SEQUENCES);
                ResultSet actual = onReal.executeQuery(SEQUENCES + " where false")) {
            assertEquals(columns(actual.getMetaData()), columns(mocked.getMetaData()));
            assertEquals(12, mocked.getMetaData().getColumnCount());
            assertFalse(mocked.next());
        }
    }

    @Test
    void aSequenceTheScriptHandsOutValuesFromIsListed() throws SQLException {
        String script = """
                rules:
                  - match: {sql: "select nextval('author_seq')"}
                    respond:
                      - {columns: [{nextval: int8}], rows: [[1]]}
                      - {columns: [{nextval: int8}], rows: [[51]]}
                """;
        try (MockPgServer server = MockPgServer.builder().scriptYaml(script).start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Statement statement = mock.createStatement();
                ResultSet sequences = statement.executeQuery(SEQUENCES)) {
            assertTrue(sequences.next());
            assertEquals("mockpg", sequences.getString("sequence_catalog"));
            assertEquals("public", sequences.getString("sequence_schema"));
            assertEquals("author_seq", sequences.getString("sequence_name"));
            assertEquals("bigint", sequences.getString("data_type"));
            assertEquals(64, sequences.getInt("numeric_precision"));
            assertEquals("1", sequences.getString("start_value"));
            assertEquals("1", sequences.getString("minimum_value"));
            assertEquals("9223372036854775807", sequences.getString("maximum_value"));
            assertEquals("50", sequences.getString("increment"));
            assertEquals("NO", sequences.getString("cycle_option"));
            assertFalse(sequences.next());
        }
    }

    @Test
    void anUnknownCatalogQueryIsMp001AskingForAReport() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Statement statement = mock.createStatement()) {
            SQLException error = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> statement.executeQuery("select conname from pg_catalog.pg_constraint where contype = 'u'"));

            assertEquals("MP001", error.getSQLState());
            assertTrue(error.getMessage().contains("looks like driver or framework chatter"), error.getMessage());
            assertTrue(error.getMessage().contains("please report it"), error.getMessage());
        }
    }

    @Test
    void anApplicationQueryIsMp001WithoutTheNote() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Statement statement = mock.createStatement()) {
            SQLException error = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> statement.executeQuery("select id, total from orders_archive where id = 7"));

            assertEquals("MP001", error.getSQLState());
            assertFalse(error.getMessage().contains("chatter"), error.getMessage());
        }
    }

    @Test
    void sequelizeSetsAFixedOffsetTimeZoneAsPostgresShowsIt() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Connection real = realPostgres()) {
            for (String offset : List.of("INTERVAL '+00:00' HOUR TO MINUTE", "INTERVAL '+05:30' HOUR TO MINUTE",
                    "INTERVAL '-03:00' HOUR TO MINUTE", "-7")) {
                assertEquals(timeZoneAfter(real, offset), timeZoneAfter(mock, offset), offset);
            }
            assertEquals("<-07>+07", timeZoneAfter(mock, "-7"));
        }
    }

    @Test
    void sequelizesLivenessCheckAddsItsIntegers() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Statement statement = mock.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1+1 AS result")) {
            assertTrue(result.next());
            assertEquals("result", result.getMetaData().getColumnLabel(1));
            assertEquals("int4", result.getMetaData().getColumnTypeName(1));
            assertEquals(2, result.getInt(1));
        }
    }

    @Test
    void psycopgTypeInfoFindsStandardTypesAndNoExtensions() throws SQLException {
        String query = "SELECT\n    typname AS name, oid, typarray AS array_oid,\n"
                + "    oid::regtype::text AS regtype, typdelim AS delimiter\n"
                + "FROM pg_type t\nWHERE t.oid = to_regtype(?)\nORDER BY t.oid\n";
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.EXTENDED);
                Connection real = realPostgres()) {
            for (String type : List.of("hstore", "int4", "integer", "timestamptz", "text[]", "uuid")) {
                assertEquals(rows(real, query, type), rows(mock, query, type), type);
            }
            assertEquals(List.of(), rows(mock, query, "hstore"));
            assertEquals(List.of("int4|23|1007|integer|,"), rows(mock, query, "integer"));
        }
    }

    @Test
    void sequelizeTypeLoadingAnswersAsPostgresForEveryTypeItLists() throws SQLException {
        String query = "WITH ranges AS (  SELECT pg_range.rngtypid, pg_type.typname AS rngtypname,"
                + "         pg_type.typarray AS rngtyparray, pg_range.rngsubtype    FROM pg_range LEFT OUTER JOIN"
                + " pg_type ON pg_type.oid = pg_range.rngtypid)SELECT pg_type.typname, pg_type.typtype, pg_type.oid,"
                + " pg_type.typarray,       ranges.rngtypname, ranges.rngtypid, ranges.rngtyparray  FROM pg_type"
                + " LEFT OUTER JOIN ranges ON pg_type.oid = ranges.rngsubtype WHERE (pg_type.typtype IN('b', 'e'));";
        try (MockPgServer server = MockPgServer.builder().start();
                Connection mock = PgClients.connect(server, PgClients.Mode.SIMPLE);
                Connection real = realPostgres()) {
            List<String> mocked = rows(mock, query, null);
            List<String> actual = rows(real, query, null);

            assertTrue(mocked.size() > 40, mocked.size() + " rows");
            assertTrue(actual.containsAll(mocked), "rows PostgreSQL does not have: "
                    + mocked.stream().filter(row -> !actual.contains(row)).toList());
            assertTrue(mocked.contains("int4|b|23|1007|int4range|3904|3905"), mocked.toString());
            assertTrue(mocked.contains("_tstzrange|b|3911|0|null|null|null"), mocked.toString());
            // every type of the built-in catalog PostgreSQL lists is there, and its ranges' arrays
            List<String> names = mocked.stream().map(row -> row.substring(0, row.indexOf('|'))).toList();
            List<String> reachable = actual.stream().filter(row -> java.util.Set.of("bool", "int4", "_int4", "text",
                    "_text", "numeric", "timestamptz", "jsonb", "uuid", "_int8range", "_daterange").contains(
                    row.substring(0, row.indexOf('|')))).toList();
            assertTrue(mocked.containsAll(reachable), reachable + " in " + names);
        }
    }

    private static String timeZoneAfter(Connection connection, String offset) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE " + offset);
            try (ResultSet shown = statement.executeQuery("SHOW TimeZone")) {
                shown.next();
                return shown.getString(1);
            }
        }
    }

    /** Each row as its values joined with |; the one parameter bound when not null. */
    private static List<String> rows(Connection connection, String sql, String parameter) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(result.getString(i));
                    }
                    rows.add(String.join("|", values));
                }
            }
            return rows;
        }
    }

    private static Connection realPostgres() throws SQLException {
        return DriverManager.getConnection(RealPostgres.jdbcUrl(), "app", "app-secret");
    }

    private static List<String> columns(ResultSetMetaData metaData) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(metaData.getColumnLabel(i) + ":" + metaData.getColumnTypeName(i));
        }
        return columns;
    }
}
