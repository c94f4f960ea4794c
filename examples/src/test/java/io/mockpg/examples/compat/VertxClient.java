package io.mockpg.examples.compat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.pgclient.data.Inet;
import io.vertx.pgclient.data.Interval;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.mockpg.examples.compat.CompatScript.ACCOUNT;

/**
 * The Vert.x PG client: prepared queries described first, with binary results chosen from the
 * described types, and a cursor read in pieces.
 */
final class VertxClient implements CompatClient {
    private PgConnection conn;
    private CheckReport report;

    @Override
    public void converse(Endpoint endpoint, CheckReport report) {
        this.report = report;
        Vertx vertx = Vertx.vertx();
        try {
            PgConnectOptions options = new PgConnectOptions().setHost(endpoint.host()).setPort(endpoint.port())
                    .setUser(endpoint.user()).setPassword(endpoint.password()).setDatabase(endpoint.database());
            if (report.check("login", () -> {
                conn = await(PgConnection.connect(vertx, options));
                String version = conn.databaseMetadata().productName() + " " + conn.databaseMetadata().fullVersion();
                report.require(conn.databaseMetadata().fullVersion().equals("16.4"), version);
                return "vertx-pg-client, server " + version;
            })) {
                try {
                    conversation();
                } finally {
                    join(conn.close());
                }
            }
        } finally {
            join(vertx.close());
        }
    }

    private void conversation() {
        List<Row> rows = new ArrayList<>();
        report.check("types", () -> {
            RowSet<Row> result = await(conn.preparedQuery(CompatScript.TYPES).execute(Tuple.of(1)));
            result.forEach(rows::add);
            Row row = rows.get(0);
            DecodedValues values = report.values();
            values.columns(result.columnsNames());
            values.expect("c_bool", row.getValue("c_bool"), true);
            values.expect("c_int2", row.getValue("c_int2"), (short) -32768);
            values.expect("c_int4", row.getValue("c_int4"), 2147483647);
            values.expect("c_int8", row.getValue("c_int8"), 9223372036854775807L);
            values.expect("c_float4", row.getValue("c_float4"), 1.5f);
            values.expect("c_float8", row.getValue("c_float8"), 3.141592653589793);
            values.expect("c_numeric", row.getBigDecimal("c_numeric"), new BigDecimal("12345.6789"));
            values.expect("c_text", row.getValue("c_text"), "héllo wörld");
            values.expect("c_varchar", row.getValue("c_varchar"), "varchar value");
            values.expect("c_bpchar", row.getValue("c_bpchar"), "abc");
            values.expect("c_name", row.getValue("c_name"), "compat_name");
            values.expect("c_bytea", row.getBuffer("c_bytea").getBytes(), new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
            values.expect("c_date", row.getValue("c_date"), LocalDate.of(2024, 2, 29));
            values.expect("c_time", row.getValue("c_time"), LocalTime.of(13, 45, 30, 123456000));
            values.expect("c_timetz", row.getValue("c_timetz"), OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(2)));
            values.expect("c_timestamp", row.getValue("c_timestamp"), LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123456000));
            values.expect("c_timestamptz", row.getValue("c_timestamptz"),
                    OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123456000, ZoneOffset.UTC));
            values.expect("c_interval", row.getValue("c_interval"), new Interval(1, 2, 3, 4, 5, 6, 500000));
            values.expect("c_uuid", row.getValue("c_uuid"), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
            JsonObject json = new JsonObject("{\"a\": 1, \"b\": [true, null]}");
            values.expect("c_json", row.getValue("c_json"), json);
            values.expect("c_jsonb", row.getValue("c_jsonb"), json);
            // Vert.x 4.5 has no decoder for oid: it reads NULL from PostgreSQL 15 too
            values.expect("c_oid", row.getValue("c_oid"), null);
            Object inet = row.getValue("c_inet");
            values.expect("c_inet", inet instanceof Inet address ? address.getAddress().getHostAddress() : inet,
                    "192.168.0.1");
            return values.detail("");
        });
        report.check("arrays", () -> {
            DecodedValues values = report.values();
            values.expect("c_int4_array", rows.get(0).getArrayOfIntegers("c_int4_array"), new Integer[] {1, null, 3});
            values.expect("c_text_array", rows.get(0).getArrayOfStrings("c_text_array"),
                    new String[] {"alpha", "with space", null});
            return values.detail("");
        });
        report.check("nulls", () -> {
            int nulls = 0;
            for (int i = 0; i < rows.get(1).size(); i++) {
                nulls += rows.get(1).getValue(i) == null ? 1 : 0;
            }
            String detail = rows.size() + " rows, " + nulls + " NULLs of " + rows.get(1).size() + " columns";
            report.require(rows.size() == 2 && nulls == rows.get(1).size(), detail);
            return detail;
        });
        report.check("insert", () -> {
            int count = await(conn.preparedQuery(CompatScript.INSERT).execute(Tuple.of(1, "widget"))).rowCount();
            report.require(count == 1, "row count " + count);
            return "row count " + count;
        });
        report.check("unique", () -> {
            PgException e = failure(conn.preparedQuery(CompatScript.INSERT).execute(Tuple.of(2, "dup")));
            report.require("23505".equals(e.getSqlState()) && "compat_items_pkey".equals(e.getConstraint()), describe(e));
            return describe(e);
        });
        report.check("stream", () -> {
            // a cursor is a named portal read with Execute row limits: it needs a transaction
            Transaction tx = await(conn.begin());
            PreparedStatement statement = await(conn.prepare(CompatScript.SERIES));
            Cursor cursor = statement.cursor();
            long count = 0;
            long sum = 0;
            String last = null;
            do {
                RowSet<Row> batch = await(cursor.read(500));
                for (Row row : batch) {
                    count++;
                    sum += row.getInteger("n");
                    last = row.getString("label");
                }
            } while (cursor.hasMore());
            await(cursor.close());
            await(tx.commit());
            return CompatScript.seriesSummary(report, count, sum, last) + ", cursor reads of 500";
        });
        report.check("rollback", () -> {
            Transaction tx = await(conn.begin());
            int debited = update(CompatScript.DEBIT);
            long inside = balance();
            await(tx.rollback());
            long after = balance();
            return CompatScript.rolledBack(report, debited, inside, after);
        });
        report.check("commit", () -> {
            Transaction tx = await(conn.begin());
            int debited = update(CompatScript.DEBIT);
            await(tx.commit());
            long after = balance();
            int refunded = update(CompatScript.REFUND);
            long restored = balance();
            return CompatScript.committed(report, debited, after, refunded, restored);
        });
        report.check("unmatched", () -> {
            PgException e = failure(conn.preparedQuery(CompatScript.UNMATCHED).execute(Tuple.of(1)));
            report.require("MP001".equals(e.getSqlState()) && e.getDetail() != null
                    && e.getDetail().contains("closest rule \"all-types\""), describe(e));
            return describe(e);
        });
        report.check("set_show", () -> {
            await(conn.query("SET application_name = 'compat-vertx'").execute());
            String shown = await(conn.query("SHOW application_name").execute()).iterator().next().getString(0);
            report.require("compat-vertx".equals(shown), "SHOW " + shown);
            return "SHOW " + shown;
        });
    }

    private int update(String sql) throws Exception {
        return await(conn.preparedQuery(sql).execute(Tuple.of(ACCOUNT))).rowCount();
    }

    private long balance() throws Exception {
        return await(conn.preparedQuery(CompatScript.BALANCE).execute(Tuple.of(ACCOUNT))).iterator().next().getLong(0);
    }

    private static void join(Future<Void> closing) {
        closing.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** An error as observed: SQLSTATE, message, and the detail and constraint when there are. */
    private static String describe(PgException e) {
        return e.getSqlState() + " " + e.getErrorMessage() + (e.getDetail() == null ? "" : ", detail: " + e.getDetail())
                + (e.getConstraint() == null ? "" : ", constraint " + e.getConstraint());
    }

    private static PgException failure(Future<?> future) throws Exception {
        try {
            await(future);
        } catch (PgException e) {
            return e;
        }
        throw new AssertionError("no error");
    }
}
