package io.mockpg.examples.compat;

import org.postgresql.util.PGInterval;
import org.postgresql.util.PSQLException;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.List;
import java.util.UUID;

import static io.mockpg.examples.compat.CheckReport.expect;
import static io.mockpg.examples.compat.CheckReport.require;
import static io.mockpg.examples.compat.CompatScript.ACCOUNT;
import static io.mockpg.examples.compat.CompatScript.jdbc;

/**
 * The suite's conversation over JDBC (pgjdbc, directly or from a pool), asserting the values
 * as pgjdbc decodes them from PostgreSQL 15. Each statement that takes a parameter is run
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

    private String types() throws SQLException {
        for (int run = 1; run <= RUNS; run++) {
            try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.TYPES))) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    require(rs.next(), "no row");
                    List<String> wrong = wrongScalars(rs);
                    require(wrong.isEmpty(), "run " + run + ": " + wrong);
                }
            }
        }
        return "23 values, " + RUNS + " runs";
    }

    private static List<String> wrongScalars(ResultSet rs) throws SQLException {
        List<String> wrong = new ArrayList<>();
        expect(wrong, "c_bool", rs.getObject("c_bool"), Boolean.TRUE);
        expect(wrong, "c_int2", rs.getObject("c_int2"), -32768);
        expect(wrong, "c_int4", rs.getObject("c_int4"), 2147483647);
        expect(wrong, "c_int8", rs.getObject("c_int8"), 9223372036854775807L);
        expect(wrong, "c_float4", rs.getObject("c_float4"), 1.5f);
        expect(wrong, "c_float8", rs.getObject("c_float8"), 3.141592653589793);
        expect(wrong, "c_numeric", rs.getObject("c_numeric"), new BigDecimal("12345.6789"));
        expect(wrong, "c_text", rs.getObject("c_text"), "héllo wörld");
        expect(wrong, "c_varchar", rs.getObject("c_varchar"), "varchar value");
        expect(wrong, "c_bpchar", rs.getObject("c_bpchar"), "abc");
        expect(wrong, "c_name", rs.getObject("c_name"), "compat_name");
        byte[] bytea = rs.getBytes("c_bytea");
        if (!Arrays.equals(bytea, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef})) {
            wrong.add("c_bytea=" + Arrays.toString(bytea));
        }
        expect(wrong, "c_date", rs.getObject("c_date", LocalDate.class), LocalDate.of(2024, 2, 29));
        expect(wrong, "c_time", rs.getObject("c_time", LocalTime.class), LocalTime.of(13, 45, 30, 123456000));
        expect(wrong, "c_timetz", rs.getObject("c_timetz", OffsetTime.class),
                OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(2)));
        expect(wrong, "c_timestamp", rs.getObject("c_timestamp", LocalDateTime.class),
                LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123456000));
        expect(wrong, "c_timestamptz", rs.getObject("c_timestamptz", OffsetDateTime.class),
                OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123456000, ZoneOffset.UTC));
        expect(wrong, "c_interval", rs.getObject("c_interval"), new PGInterval(1, 2, 3, 4, 5, 6.5));
        expect(wrong, "c_uuid", rs.getObject("c_uuid"), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        expect(wrong, "c_json", rs.getString("c_json"), "{\"a\": 1, \"b\": [true, null]}");
        expect(wrong, "c_jsonb", rs.getString("c_jsonb"), "{\"a\": 1, \"b\": [true, null]}");
        expect(wrong, "c_oid", rs.getLong("c_oid"), 3000000000L);
        expect(wrong, "c_inet", rs.getString("c_inet"), "192.168.0.1");
        return wrong;
    }

    private String arrays() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.TYPES))) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                require(rs.next(), "no row");
                Object ints = array(rs.getArray("c_int4_array"));
                Object texts = array(rs.getArray("c_text_array"));
                require(Arrays.equals((Object[]) ints, new Integer[] {1, null, 3}),
                        "c_int4_array=" + Arrays.toString((Object[]) ints));
                require(Arrays.equals((Object[]) texts, new String[] {"alpha", "with space", null}),
                        "c_text_array=" + Arrays.toString((Object[]) texts));
                return "2 values";
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
                require(rs.next() && rs.next(), "fewer than 2 rows");
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    require(rs.getObject(i) == null, "column " + i + " = " + rs.getObject(i));
                }
                require(!rs.next(), "more than 2 rows");
                return columns + " NULLs";
            }
        }
    }

    private String insert() throws SQLException {
        for (int run = 1; run <= RUNS; run++) {
            require(insertItem(1, "widget") == 1, "run " + run + ": update count not 1");
        }
        return "update count 1";
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
            require("23505".equals(e.getSQLState()) && "compat_items_pkey".equals(constraint),
                    e.getSQLState() + " " + constraint);
            return "23505 " + constraint;
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
            return CompatScript.seriesSummary(count, sum, last) + ", fetch size 500";
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }

    private long balance() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.BALANCE))) {
            ps.setInt(1, ACCOUNT);
            try (ResultSet rs = ps.executeQuery()) {
                require(rs.next(), "no balance row");
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
            String detail = "debit " + debited + ", in transaction " + inside + ", after rollback " + after;
            require(debited == 1 && inside == 90 && after == 100, detail);
            return detail;
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
        String detail = "debit " + debited + ", after commit " + after + ", refund " + refunded + ", then " + restored;
        require(debited == 1 && after == 90 && refunded == 1 && restored == 100, detail);
        return detail;
    }

    private String unmatched() {
        try (PreparedStatement ps = conn.prepareStatement(jdbc(CompatScript.UNMATCHED))) {
            ps.setInt(1, 1);
            ps.executeQuery().close();
            throw new AssertionError("no error");
        } catch (PSQLException e) {
            String detail = e.getServerErrorMessage().getDetail();
            require("MP001".equals(e.getSQLState()) && e.getMessage().contains("no rule matches")
                    && detail != null && detail.contains("closest rule \"all-types\""), e.getMessage());
            return "MP001 with the near miss";
        } catch (SQLException e) {
            throw new AssertionError(e.getSQLState() + " " + e.getMessage());
        }
    }

    private String setShow() throws SQLException {
        String wanted = "compat-" + client;
        try (Statement st = conn.createStatement()) {
            st.execute("SET application_name = '" + wanted + "'");
            try (ResultSet rs = st.executeQuery("SHOW application_name")) {
                require(rs.next(), "no row");
                String shown = rs.getString(1);
                String reported = conn.getClientInfo("ApplicationName");
                require(wanted.equals(shown) && wanted.equals(reported), "SHOW " + shown + ", ParameterStatus " + reported);
                return "SHOW " + shown;
            }
        }
    }
}
