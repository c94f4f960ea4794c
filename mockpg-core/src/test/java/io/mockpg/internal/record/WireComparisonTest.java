package io.mockpg.internal.record;

import io.mockpg.MockPgServer;
import io.mockpg.internal.record.WireClient.Message;
import io.mockpg.internal.upstream.FrontendMessages;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.mockpg.testing.OwnDatabase;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed conversation at the protocol level, recorded from the real PostgreSQL through the
 * recorder and replayed by mockpg: every backend message of the replay must be PostgreSQL's,
 * byte for byte. Only BackendKeyData's process id and secret key may differ (each server makes
 * its own); docs/recording.md lists what a replay cannot reproduce.
 */
class WireComparisonTest {
    private static final String DATABASE = "replaywire";
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS wire_items (
                id int8 PRIMARY KEY, name text NOT NULL UNIQUE, price numeric(10,2), added timestamptz,
                active bool, tags int4[], labels text[], note text);
            INSERT INTO wire_items VALUES
              (1, 'apple', 1.50, '2024-03-01 10:00:00+00', true, '{1,2,3}', '{red,"light green"}', 'crisp'),
              (2, 'bread', 2.25, NULL, false, '{}', NULL, NULL),
              (3, E'tab\\tand "quote"', -12345678.90, '1999-12-31 23:59:59.123456+00', NULL, '{NULL,4}',
               '{"a,b","c\\\\d",NULL}', E'line1\\nline2\\\\x\\b')
            ON CONFLICT (id) DO NOTHING;
            """;
    private static final String ALL_COLUMNS = "SELECT id, name, price, added, active, tags, labels, note FROM wire_items";
    private static final short[] TEXT = {};
    private static final short[] BINARY = {1};

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();

    /** One request batch of the conversation and how many ReadyForQuery end its answer. */
    private record Step(String name, Consumer<ByteBuf> requests, int readies) {
        Step(String name, Consumer<ByteBuf> requests) {
            this(name, requests, 1);
        }
    }

    private static List<Step> conversation() {
        List<Step> steps = new ArrayList<>();
        steps.add(simple(ALL_COLUMNS + " ORDER BY id"));
        steps.add(simple("SELECT count(*) AS n, sum(price) AS total, max(added) AS latest, bool_or(active) AS any"
                + " FROM wire_items WHERE id <= 3"));
        steps.add(new Step("extended, text results", out -> {
            FrontendMessages.parse(out, "", ALL_COLUMNS + " WHERE id >= $1 AND id <= 3 ORDER BY id", 20);
            FrontendMessages.bind(out, "", "", TEXT, "1");
            FrontendMessages.describe(out, 'P', "");
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        }));
        steps.add(new Step("named statement described", out -> {
            FrontendMessages.parse(out, "wide", ALL_COLUMNS + " WHERE id = $1");
            FrontendMessages.describe(out, 'S', "wide");
            FrontendMessages.sync(out);
        }));
        for (String id : List.of("1", "2", "3")) {
            steps.add(new Step("binary results, id " + id, out -> {
                FrontendMessages.bind(out, "", "wide", BINARY, id);
                FrontendMessages.execute(out, "", 0);
                FrontendMessages.sync(out);
            }));
        }
        String moreTypes = "SELECT '\\x0102'::bytea AS raw, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS ref,"
                + " '{\"k\": [1, 2.50]}'::jsonb AS doc, '1 day 02:03:04.5'::interval AS span, DATE '2024-02-29' AS day,"
                + " 1.5::float8 AS f8, 0.1::float4 AS f4, 12345678901234::int8 AS big, -7::int2 AS small,"
                + " TIME '10:11:12' AS t, TIMESTAMP '2024-03-01 10:00:00.5' AS ts, NULL::int4 AS nothing,"
                + " ARRAY[1.5, NULL, -2]::numeric[] AS amounts, 'x'::varchar(5) AS code";
        steps.add(simple(moreTypes));
        for (short[] formats : List.of(TEXT, BINARY)) {
            steps.add(new Step("more types, result format " + Arrays.toString(formats), out -> {
                FrontendMessages.parse(out, "", moreTypes);
                FrontendMessages.bind(out, "", "", formats);
                FrontendMessages.describe(out, 'P', "");
                FrontendMessages.execute(out, "", 0);
                FrontendMessages.sync(out);
            }));
        }
        // r2dbc closes each portal in the batch that executes it: the Close is sent before the answers come back
        steps.add(new Step("a named portal described, executed and closed in one batch", out -> {
            FrontendMessages.parse(out, "S_0", "SELECT name, price FROM wire_items WHERE id = $1", 20);
            FrontendMessages.bind(out, "B_0", "S_0", TEXT, "1");
            FrontendMessages.describe(out, 'P', "B_0");
            FrontendMessages.execute(out, "B_0", 0);
            FrontendMessages.close(out, 'P', "B_0");
            FrontendMessages.sync(out);
        }));
        steps.add(new Step("portal resumed at its row limit", out -> {
            FrontendMessages.parse(out, "", "SELECT id, name FROM wire_items WHERE id <= 3 ORDER BY id");
            FrontendMessages.bind(out, "", "", TEXT);
            FrontendMessages.describe(out, 'P', "");
            FrontendMessages.execute(out, "", 2);
            FrontendMessages.execute(out, "", 2);
            FrontendMessages.sync(out);
        }));
        steps.add(simple("SELECT name FROM wire_items WHERE id = 1; SELECT count(*) AS n FROM wire_items WHERE active"));
        steps.add(simple("BEGIN"));
        steps.add(simple("INSERT INTO wire_items (id, name) VALUES (10, 'cake')"));
        steps.add(simple("UPDATE wire_items SET note = 'changed' WHERE id IN (1, 2)"));
        steps.add(new Step("extended update", out -> {
            FrontendMessages.parse(out, "", "UPDATE wire_items SET price = $1 WHERE id = $2", 1700, 20);
            FrontendMessages.bind(out, "", "", "9.99", "10");
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        }));
        steps.add(simple("DELETE FROM wire_items WHERE id = 10"));
        steps.add(simple("ROLLBACK"));
        steps.add(simple("INSERT INTO wire_items (id, name) VALUES (1, 'again')"));
        steps.add(new Step("extended unique violation", out -> {
            FrontendMessages.parse(out, "", "INSERT INTO wire_items (id, name) VALUES ($1, $2)");
            FrontendMessages.bind(out, "", "", "4", "apple");
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        }));
        // a failed transaction: the statements after the error are refused until ROLLBACK
        steps.add(simple("BEGIN"));
        steps.add(simple("INSERT INTO wire_items (id, name) VALUES (2, 'again')"));
        steps.add(simple("SELECT name FROM wire_items WHERE id = 1"));
        steps.add(new Step("extended in a failed transaction", out -> {
            FrontendMessages.parse(out, "", "SELECT name FROM wire_items WHERE id = $1");
            FrontendMessages.bind(out, "", "", "1");
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        }));
        steps.add(simple("ROLLBACK"));
        steps.add(simple("SELECT name FROM wire_items WHERE id = 1"));
        steps.add(new Step("a parameter that is not an int8", out -> {
            FrontendMessages.parse(out, "", "SELECT name FROM wire_items WHERE id = $1", 20);
            FrontendMessages.bind(out, "", "", "one");
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        }));
        steps.add(simple("SELEC name FROM wire_items"));
        steps.add(new Step("extended syntax error", out -> {
            FrontendMessages.parse(out, "", "SELECT name FROM wire_items WHERE");
            FrontendMessages.sync(out);
        }));
        steps.add(simple("DO $$ BEGIN RAISE NOTICE 'wire notice %', 42; END $$"));
        steps.add(simple(""));
        steps.add(simple("COPY (SELECT id, name, price, tags, labels, note FROM wire_items WHERE id <= 3 ORDER BY id)"
                + " TO STDOUT"));
        steps.add(simple("COPY (SELECT id, name, note FROM wire_items WHERE id <= 3 ORDER BY id)"
                + " TO STDOUT WITH (FORMAT csv, HEADER)"));
        return steps;
    }

    private static Step simple(String sql) {
        return new Step("Query " + sql, out -> FrontendMessages.query(out, sql));
    }

    @Test
    void theReplayAnswersEveryRequestWithPostgresqlsOwnBytes() throws Exception {
        String upstream = OwnDatabase.prepare(DATABASE, SCHEMA) + "?sslmode=disable";
        Path script = directory.resolve("wire.yaml");
        List<List<Message>> recorded;
        Recorder recorder = new Recorder(UpstreamUrl.parse(upstream, Map.of()), script, "test", warnings::add);
        try {
            recorded = converse(recorder.start("127.0.0.1", 0, false).getPort());
        } finally {
            recorder.close();
        }
        List<List<Message>> replayed;
        try (MockPgServer server = MockPgServer.builder().script(script).start()) {
            replayed = converse(server.port());
        }

        // the recording is PostgreSQL's conversation: what it answered, decoded
        List<String> texts = recorded.stream().flatMap(List::stream).map(Message::toString).toList();
        assertTrue(texts.stream().anyMatch(m -> m.startsWith("D ") && m.contains("apple") && m.contains("1.50")), texts::toString);
        assertTrue(texts.stream().anyMatch(m -> m.startsWith("E ") && m.contains("C23505")), texts::toString);
        assertTrue(texts.stream().anyMatch(m -> m.startsWith("E ") && m.contains("C42601")), texts::toString);
        assertTrue(texts.stream().anyMatch(m -> m.startsWith("N ") && m.contains("Mwire notice 42")), texts::toString);
        assertTrue(texts.stream().anyMatch(m -> m.equals("C [7] COPY 3\\x00")), texts::toString);
        assertTrue(texts.stream().anyMatch(m -> m.equals("s [0] ")), texts::toString);
        assertEquals(List.of(), warnings);

        String differences = differences(recorded, replayed);
        assertEquals("", differences, "the replay differs from PostgreSQL:\n" + differences
                + "\nscript:\n" + Files.readString(script));
    }

    private static List<List<Message>> converse(int port) throws Exception {
        Map<String, String> startup = new LinkedHashMap<>();
        startup.put("user", "app");
        startup.put("database", DATABASE);
        startup.put("client_encoding", "UTF8");
        startup.put("DateStyle", "ISO");
        startup.put("application_name", "wire-comparison");
        List<List<Message>> answers = new ArrayList<>();
        List<Message> hello = new ArrayList<>();
        try (WireClient client = new WireClient(port, startup, hello)) {
            answers.add(hello);
            for (Step step : conversation()) {
                answers.add(client.exchange(step.requests(), step.readies()));
            }
        }
        return answers;
    }

    /** Each step whose answers differ, as the two message sequences side by side ("" when none does). */
    private static String differences(List<List<Message>> postgres, List<List<Message>> replay) {
        List<String> names = new ArrayList<>();
        names.add("startup");
        conversation().forEach(step -> names.add(step.name()));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            List<Message> expected = postgres.get(i);
            List<Message> actual = replay.get(i);
            if (sameMessages(expected, actual)) {
                continue;
            }
            out.append("== ").append(names.get(i)).append('\n');
            for (int m = 0; m < Math.max(expected.size(), actual.size()); m++) {
                Message want = m < expected.size() ? expected.get(m) : null;
                Message got = m < actual.size() ? actual.get(m) : null;
                boolean same = want != null && got != null && sameMessage(want, got);
                out.append(same ? "   " : " ! ").append("postgres: ").append(want).append('\n');
                if (!same) {
                    out.append("   ").append("  replay: ").append(got).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static boolean sameMessages(List<Message> expected, List<Message> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!sameMessage(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Equal bytes but for what docs/recording.md excuses: BackendKeyData only of equal length (the
     * process id and key are each server's own), RowDescription without each field's table OID and
     * column number (the recording database's catalog identifiers, which a script does not hold).
     */
    private static boolean sameMessage(Message expected, Message actual) {
        if (expected.type() != actual.type()) {
            return false;
        }
        return switch (expected.type()) {
            case 'K' -> expected.body().length == actual.body().length;
            case 'E' -> Arrays.equals(withoutRefusalLocation(expected.body()), withoutRefusalLocation(actual.body()));
            case 'T' -> Arrays.equals(withoutCatalogIds(expected.body()), withoutCatalogIds(actual.body()));
            default -> Arrays.equals(expected.body(), actual.body());
        };
    }

    /**
     * An ErrorResponse body, without the source location (F, L, R) when it is 25P02: the refusal
     * of a statement in a failed transaction is mockpg's own, and docs/recording.md says why it
     * names no PostgreSQL source line.
     */
    private static byte[] withoutRefusalLocation(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains("\u0000C25P02\u0000")) {
            return body;
        }
        return text.replaceAll("\u0000[FLR][^\u0000]*(?=\u0000)", "").getBytes(StandardCharsets.UTF_8);
    }

    /** A RowDescription body with every field's table OID and column number zeroed. */
    private static byte[] withoutCatalogIds(byte[] body) {
        byte[] copy = body.clone();
        ByteBuffer fields = ByteBuffer.wrap(copy);
        int count = fields.getShort();
        for (int i = 0; i < count; i++) {
            while (fields.get() != 0) {
                // the field name
            }
            fields.putInt(0).putShort((short) 0);
            fields.position(fields.position() + 4 + 2 + 4 + 2);
        }
        return copy;
    }
}
