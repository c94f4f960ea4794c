package io.mockpg.examples.compat;

import org.postgresql.util.PGInterval;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.mockpg.examples.compat.CompatScript.ACCOUNT;
import static io.mockpg.examples.compat.CompatScript.jdbc;

/**
 * The suite's conversation over JDBC (pgjdbc, directly or from a pool), asserting the values
 * as pgjdbc decodes them from PostgreSQL 15 or, observing ({@link CheckReport#observing}),
 * printing them. Each statement that takes a parameter is run
 * six times, so that with the default prepareThreshold of 5 the last runs use a named
 * statement and binary results.
 */
final class JdbcConversation {
    private static final int RUNS = 6;

    private final Connection conn;
    private final CheckReport report;
    private final String client;

    JdbcConversation(Connection conn, CheckReport report, String client) {
        this.conn = conn;
        this.report = report;
        this.client = client;
    }

    void run() {
        report.check("types", this::types);
        report.check("arrays", this::arrays);
        report.check("nulls", this::nulls);
        report.check("insert", this::insert);
        report.check("unique", this::unique);
        report.check("stream", this::stream);
        report.check("rollback", this::rollback);
        report.check("commit", this::commit);
        report.check("unmatched", this::unmatched);
        report.check("set_show", this::setShow);
    }

    /** In each run, the values as decoded; observing, each value once, with the runs it was seen in unless all. */
    private String types() throws SQLException {
        Map<String, List<Integer>> runsByValue = new LinkedHashMap<>();
        for (int run = 1; run <= RUNS; run++) {
            try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.TYPES))) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    report.require(rs.next(), "no row");
                    DecodedValues values = scalars(rs);
                    values.detail("run " + run + ": ");
                    for (String value : values.kept()) {
                        runsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(run);
                    }
                }
            }
        }
        if (!report.observing()) {
            return "23 values, " + RUNS + " runs";
        }
        return runsByValue.entrySet().stream()
                .map(e -> e.getValue().size() == RUNS ? e.getKey() : e.getKey() + " in runs " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private DecodedValues scalars(ResultSet rs) throws SQLException {
        DecodedValues values = report.values();
        ResultSetMetaData meta = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnName(i));
        }
        values.columns(names);
        values.expect("c_bool", rs.getObject("c_bool"), Boolean.TRUE);
        values.expect("c_int2", rs.getObject("c_int2"), -32768);
        values.expect("c_int4", rs.getObject("c_int4"), 2147483647);
        values.expect("c_int8", rs.getObject("c_int8"), 9223372036854775807L);
        values.expect("c_float4", rs.getObject("c_float4"), 1.5f);
        values.expect("c_float8", rs.getObject("c_float8"), 3.141592653589793);
        values.expect("c_numeric", rs.getObject("c_numeric"), new BigDecimal("12345.6789"));
        values.expect("c_text", rs.getObject("c_text"), "héllo wörld");
        values.expect("c_varchar", rs.getObject("c_varchar"), "varchar value");
        values.expect("c_bpchar", rs.getObject("c_bpchar"), "abc");
        values.expect("c_name", rs.getObject("c_name"), "compat_name");
        values.expect("c_bytea", rs.getBytes("c_bytea"), new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        values.expect("c_date", rs.getObject("c_date", LocalDate.class), LocalDate.of(2024, 2, 29));
        values.expect("c_time", rs.getObject("c_time", LocalTime.class), LocalTime.of(13, 45, 30, 123456000));
        values.expect("c_timetz", rs.getObject("c_timetz", OffsetTime.class),
                OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(2)));
        values.expect("c_timestamp", rs.getObject("c_timestamp", LocalDateTime.class),
                LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123456000));
        values.expect("c_timestamptz", rs.getObject("c_timestamptz", OffsetDateTime.class),
                OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123456000, ZoneOffset.UTC));
        values.expect("c_interval", rs.getObject("c_interval"), new PGInterval(1, 2, 3, 4, 5, 6.5));
        values.expect("c_uuid", rs.getObject("c_uuid"), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        values.expect("c_json", rs.getString("c_json"), "{\"a\": 1, \"b\": [true, null]}");
        values.expect("c_jsonb", rs.getString("c_jsonb"), "{\"a\": 1, \"b\": [true, null]}");
        values.expect("c_oid", rs.getLong("c_oid"), 3000000000L);
        values.expect("c_inet", rs.getString("c_inet"), "192.168.0.1");
        return values;
    }

    private String arrays() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.TYPES))) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                report.require(rs.next(), "no row");
                DecodedValues values = report.values();
                values.expect("c_int4_array", array(rs.getArray("c_int4_array")), new Integer[] {1, null, 3});
                values.expect("c_text_array", array(rs.getArray("c_text_array")), new String[] {"alpha", "with space", null});
                return values.detail("");
            }
        }
    }

    private static Object array(Array array) throws SQLException {
        return array == null ? null : array.getArray();
    }

    private String nulls() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.TYPES))) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                report.require(rs.next() && rs.next(), "fewer than 2 rows");
                int columns = rs.getMetaData().getColumnCount();
                int nulls = 0;
                for (int i = 1; i <= columns; i++) {
                    nulls += rs.getObject(i) == null ? 1 : 0;
                }
                boolean more = rs.next();
                String detail = nulls + " NULLs of " + columns + " columns" + (more ? ", and more rows" : "");
                report.require(nulls == columns && !more, detail);
                return detail;
            }
        }
    }

    private String insert() throws SQLException {
        int[] counts = new int[RUNS];
        for (int run = 0; run < RUNS; run++) {
            counts[run] = insertItem(1, "widget");
        }
        String detail = "update counts " + Arrays.toString(counts);
        report.require(Arrays.stream(counts).allMatch(count -> count == 1), detail);
        return detail;
    }

    private int insertItem(int id, String name) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.INSERT))) {
            ps.setInt(1, id);
            ps.setString(2, name);
            return ps.executeUpdate();
        }
    }

    private String unique() {
        try {
            insertItem(2, "dup");
            throw new AssertionError("no error");
        } catch (PSQLException e) {
            String constraint = e.getServerErrorMessage().getConstraint();
            report.require("23505".equals(e.getSQLState()) && "compat_items_pkey".equals(constraint), error(e));
            return error(e);
        } catch (SQLException e) {
            throw new AssertionError(e.getSQLState() + " " + e.getMessage());
        }
    }

    /** setFetchSize streams through a named portal read in pieces: it needs a transaction. */
    private String stream() throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(500);
            long count = 0;
            long sum = 0;
            String last = null;
            try (ResultSet rs = st.executeQuery(CompatScript.SERIES)) {
                while (rs.next()) {
                    count++;
                    sum += rs.getInt(1);
                    last = rs.getString(2);
                }
            }
            conn.commit();
            return CompatScript.seriesSummary(report, count, sum, last) + ", fetch size 500";
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }

    private long balance() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.BALANCE))) {
            ps.setInt(1, ACCOUNT);
            try (ResultSet rs = ps.executeQuery()) {
                report.require(rs.next(), "no balance row");
                return rs.getLong(1);
            }
        }
    }

    private int update(String sql) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(sql))) {
            ps.setInt(1, ACCOUNT);
            return ps.executeUpdate();
        }
    }

    private String rollback() throws SQLException {
        conn.setAutoCommit(false);
        try {
            int debited = update(CompatScript.DEBIT);
            long inside = balance();
            conn.rollback();
            long after = balance();
            conn.commit();
            return CompatScript.rolledBack(report, debited, inside, after);
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private String commit() throws SQLException {
        conn.setAutoCommit(false);
        int debited;
        try {
            debited = update(CompatScript.DEBIT);
            conn.commit();
        } finally {
            conn.setAutoCommit(true);
        }
        long after = balance();
        int refunded = update(CompatScript.REFUND);
        long restored = balance();
        return CompatScript.committed(report, debited, after, refunded, restored);
    }

    private String unmatched() {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.UNMATCHED))) {
            ps.setInt(1, 1);
            ps.executeQuery().close();
            throw new AssertionError("no error");
        } catch (PSQLException e) {
            String detail = e.getServerErrorMessage().getDetail();
            report.require("MP001".equals(e.getSQLState()) && e.getMessage().contains("no rule matches")
                    && detail != null && detail.contains("closest rule \"all-types\""), e.getMessage());
            return error(e);
        } catch (SQLException e) {
            throw new AssertionError(e.getSQLState() + " " + e.getMessage());
        }
    }

    /** An error as observed: SQLSTATE, message, and the detail and constraint when there are. */
    private static String error(PSQLException e) {
        ServerErrorMessage error = e.getServerErrorMessage();
        return e.getSQLState() + " " + error.getMessage()
                + (error.getDetail() == null ? "" : ", detail: " + error.getDetail())
                + (error.getConstraint() == null ? "" : ", constraint " + error.getConstraint());
    }

    private String setShow() throws SQLException {
        String wanted = "compat-" + client;
        try (Statement st = conn.createStatement()) {
            st.execute("SET application_name = '" + wanted + "'");
            try (ResultSet rs = st.executeQuery("SHOW application_name")) {
                report.require(rs.next(), "no row");
                String shown = rs.getString(1);
                String reported = conn.getClientInfo("ApplicationName");
                report.require(wanted.equals(shown) && wanted.equals(reported), "SHOW " + shown + ", ParameterStatus " + reported);
                return "SHOW " + shown;
            }
        }
    }
}
