package io.mockpg.examples.compat;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.codec.Interval;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import static io.mockpg.examples.compat.CompatScript.ACCOUNT;

/** r2dbc-postgresql with its defaults (named statements, text results). */
final class R2dbcClient implements CompatClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> COLUMNS = List.of("c_bool", "c_int2", "c_int4", "c_int8", "c_float4", "c_float8",
            "c_numeric", "c_text", "c_varchar", "c_bpchar", "c_name", "c_bytea", "c_date", "c_time", "c_timetz",
            "c_timestamp", "c_timestamptz", "c_interval", "c_uuid", "c_json", "c_jsonb", "c_int4_array", "c_text_array");

    private PostgresqlConnection conn;
    private CheckReport report;

    @Override
    public void converse(Endpoint endpoint, CheckReport report) {
        this.report = report;
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host(endpoint.host()).port(endpoint.port()).username(endpoint.user())
                .password(endpoint.password()).database(endpoint.database()).build());
        if (report.check("login", () -> {
            conn = factory.create().block(TIMEOUT);
            String version = conn.getMetadata().getDatabaseVersion();
            report.require("16.4".equals(version), "server " + version);
            return "r2dbc-postgresql, server " + version + ", isolation " + conn.getTransactionIsolationLevel();
        })) {
            try {
                conversation();
            } finally {
                conn.close().block(TIMEOUT);
            }
        }
    }

    private void conversation() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        report.check("types", () -> {
            rows.addAll(query(CompatScript.TYPES, row -> {
                if (names.isEmpty() && row instanceof Row described) {
                    described.getMetadata().getColumnMetadatas().stream().map(ColumnMetadata::getName).forEach(names::add);
                }
                return row(row);
            }, 1));
            DecodedValues values = report.values();
            values.columns(names);
            expected().forEach((column, want) -> values.expect(column, rows.get(0).get(column), want));
            return values.detail("");
        });
        report.check("arrays", () -> {
            DecodedValues values = report.values();
            values.expect("c_int4_array", rows.get(0).get("c_int4_array"), new Integer[] {1, null, 3});
            values.expect("c_text_array", rows.get(0).get("c_text_array"), new String[] {"alpha", "with space", null});
            return values.detail("");
        });
        report.check("nulls", () -> {
            long nulls = rows.get(1).values().stream().filter(Objects::isNull).count();
            String detail = rows.size() + " rows, " + nulls + " NULLs of " + rows.get(1).size() + " columns";
            report.require(rows.size() == 2 && nulls == rows.get(1).size(), detail);
            return detail;
        });
        report.check("insert", () -> {
            long count = update(CompatScript.INSERT, 1, "widget");
            report.require(count == 1, "rows updated " + count);
            return "rows updated " + count;
        });
        report.check("unique", () -> {
            ErrorDetails e = error(() -> update(CompatScript.INSERT, 2, "dup"));
            String constraint = e.getConstraintName().orElse(null);
            report.require("23505".equals(e.getCode()) && "compat_items_pkey".equals(constraint), describe(e));
            return describe(e);
        });
        report.check("stream", () -> {
            // fetchSize: Execute with a row limit and PortalSuspended in between, inside a transaction
            conn.beginTransaction().block(TIMEOUT);
            long[] summary = new long[2];
            String[] last = new String[1];
            Flux.from(conn.createStatement(CompatScript.SERIES).fetchSize(500).execute())
                    .flatMap(result -> result.map(row -> {
                        summary[0]++;
                        summary[1] += row.get("n", Integer.class);
                        last[0] = row.get("label", String.class);
                        return 1;
                    })).blockLast(TIMEOUT);
            conn.commitTransaction().block(TIMEOUT);
            return CompatScript.seriesSummary(report, summary[0], summary[1], last[0]) + ", fetch size 500";
        });
        report.check("rollback", () -> {
            conn.beginTransaction().block(TIMEOUT);
            long debited = update(CompatScript.DEBIT, ACCOUNT);
            long inside = balance();
            conn.rollbackTransaction().block(TIMEOUT);
            long after = balance();
            report.require(conn.isAutoCommit(), "auto-commit false after the rollback");
            return CompatScript.rolledBack(report, debited, inside, after) + ", auto-commit " + conn.isAutoCommit();
        });
        report.check("commit", () -> {
            conn.beginTransaction().block(TIMEOUT);
            long debited = update(CompatScript.DEBIT, ACCOUNT);
            conn.commitTransaction().block(TIMEOUT);
            long after = balance();
            long refunded = update(CompatScript.REFUND, ACCOUNT);
            long restored = balance();
            return CompatScript.committed(report, debited, after, refunded, restored);
        });
        report.check("unmatched", () -> {
            ErrorDetails e = error(() -> query(CompatScript.UNMATCHED, R2dbcClient::row, 1));
            report.require("MP001".equals(e.getCode()) && e.getDetail().orElse("").contains("closest rule \"all-types\""),
                    describe(e));
            return describe(e);
        });
        report.check("set_show", () -> {
            Flux.from(conn.createStatement("SET application_name = 'compat-r2dbc'").execute())
                    .flatMap(result -> result.getRowsUpdated()).blockLast(TIMEOUT);
            String shown = query("SHOW application_name", row -> row.get(0, String.class)).get(0);
            report.require("compat-r2dbc".equals(shown), "SHOW " + shown);
            return "SHOW " + shown;
        });
    }

    private static Map<String, Object> expected() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("c_bool", true);
        values.put("c_int2", (short) -32768);
        values.put("c_int4", 2147483647);
        values.put("c_int8", 9223372036854775807L);
        values.put("c_float4", 1.5f);
        values.put("c_float8", 3.141592653589793);
        values.put("c_numeric", new BigDecimal("12345.6789"));
        values.put("c_text", "héllo wörld");
        values.put("c_varchar", "varchar value");
        values.put("c_bpchar", "abc");
        values.put("c_name", "compat_name");
        values.put("c_bytea", new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        values.put("c_date", LocalDate.of(2024, 2, 29));
        values.put("c_time", LocalTime.of(13, 45, 30, 123456000));
        values.put("c_timetz", OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(2)));
        values.put("c_timestamp", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123456000));
        values.put("c_timestamptz", OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123456000, ZoneOffset.UTC));
        values.put("c_interval", Interval.of(1, 2, 3, 4, 5, 6, 500000));
        values.put("c_uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        values.put("c_json", "{\"a\": 1, \"b\": [true, null]}");
        values.put("c_jsonb", "{\"a\": 1, \"b\": [true, null]}");
        values.put("c_oid", 3000000000L);
        values.put("c_inet", "192.168.0.1");
        return values;
    }

    /** A row's values, bytea as byte[] and json as its text so that they compare and print by content. */
    private static Map<String, Object> row(Readable row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            Object value = row.get(column);
            values.put(column, value instanceof ByteBuffer buffer ? bytes(buffer)
                    : value instanceof Json json ? json.asString() : value);
        }
        // r2dbc has no codec of its own for oid and inet: read them as long and text
        values.put("c_oid", row.get("c_oid", Long.class));
        values.put("c_inet", row.get("c_inet", String.class));
        return values;
    }

    /** The server error a call fails with (blocking may wrap it). */
    private static ErrorDetails error(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof PostgresqlException error) {
                    return error.getErrorDetails();
                }
            }
            throw failure;
        }
        throw new AssertionError("no error");
    }

    /** An error as observed: SQLSTATE, message, and the detail and constraint when there are. */
    private static String describe(ErrorDetails e) {
        return e.getCode() + " " + e.getMessage() + e.getDetail().map(detail -> ", detail: " + detail).orElse("")
                + e.getConstraintName().map(constraint -> ", constraint " + constraint).orElse("");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private <T> List<T> query(String sql, Function<Readable, T> mapper, Object... params) {
        var statement = conn.createStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.bind("$" + (i + 1), params[i]);
        }
        return Flux.from(statement.execute()).flatMap(result -> result.map(mapper::apply)).collectList().block(TIMEOUT);
    }

    private long update(String sql, Object... params) {
        var statement = conn.createStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.bind("$" + (i + 1), params[i]);
        }
        Long count = Flux.from(statement.execute()).flatMap(result -> Mono.from(result.getRowsUpdated()))
                .reduce(0L, Long::sum).block(TIMEOUT);
        return count == null ? 0 : count;
    }

    private long balance() {
        return query(CompatScript.BALANCE, row -> row.get(0, Long.class), ACCOUNT).get(0);
    }
}
