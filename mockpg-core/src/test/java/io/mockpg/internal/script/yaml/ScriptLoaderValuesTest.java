package io.mockpg.internal.script.yaml;

import static io.mockpg.internal.script.yaml.Yamls.problems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mockpg.internal.script.Response;
import io.mockpg.internal.types.PgInterval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Row values: converted to their column type's Java value, checked at load, templates left for later. */
class ScriptLoaderValuesTest {

    private static List<Object> onlyRow(String columns, String row) {
        String yaml = "rules:\n  - respond:\n      columns: " + columns + "\n      rows:\n        - " + row + "\n";
        Response response = ScriptLoader.parse("v.yaml", yaml).rules().get(0).responses().get(0);
        return response.rows().get(0);
    }

    @Test
    void scalarsBecomeTheTypesJavaValues() {
        List<Object> row = onlyRow("[{a: int4}, {b: int8}, {c: numeric}, {d: bool}, {e: text}, {f: float8}, {g: date}]",
                "[42, 9000000000, 19.90, yes, 1.50, .inf, 2024-04-01]");
        assertEquals(42, row.get(0));
        assertEquals(9_000_000_000L, row.get(1));
        assertEquals(new BigDecimal("19.90"), row.get(2));
        assertEquals(true, row.get(3));
        assertEquals("1.50", row.get(4), "a text column keeps the text as written");
        assertEquals(Double.POSITIVE_INFINITY, row.get(5));
        assertEquals(LocalDate.of(2024, 4, 1), row.get(6));
    }

    @Test
    void richTypes() {
        List<Object> row = onlyRow("[{a: timestamptz}, {b: uuid}, {c: 'int4[]'}, {d: jsonb}, {e: bytea}, {f: bytea},"
                        + " {g: interval}, {h: 'text[]'}]",
                "[\"2024-03-01 10:15:00+02\", 6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e, [1, null, 3],"
                        + " {color: white, n: 2, ok: true}, !!binary bW9ja3Bn, '\\x0102', 1 day, [a, 'b c']]");
        assertEquals(OffsetDateTime.of(2024, 3, 1, 8, 15, 0, 0, ZoneOffset.UTC).toInstant(),
                ((OffsetDateTime) row.get(0)).toInstant());
        assertEquals(UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e"), row.get(1));
        assertEquals(Arrays.asList(1, null, 3), row.get(2));
        assertEquals("{\"color\":\"white\",\"n\":2,\"ok\":true}", ((String) row.get(3)).replace(" ", ""));
        assertArrayEquals("mockpg".getBytes(StandardCharsets.US_ASCII), (byte[]) row.get(4));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) row.get(5));
        assertEquals(new PgInterval(0, 1, 0), row.get(6));
        assertEquals(List.of("a", "b c"), row.get(7));
    }

    @Test
    void nullStaysNull() {
        List<Object> row = onlyRow("[{a: int4}, {b: text}]", "[null, ~]");
        assertNull(row.get(0));
        assertNull(row.get(1));
    }

    @Test
    void templatesAreKeptAsWrittenAndNotChecked() {
        List<Object> row = onlyRow("[{a: int4}, {b: text}, {c: date}]", "[\"{{row}}\", \"user {{$1}}\", \"{{$2}}\"]");
        assertEquals(List.of("{{row}}", "user {{$1}}", "{{$2}}"), row);
    }

    @Test
    void valuesThatDoNotFitTheirColumnAreReportedAtTheValue() {
        String yaml = """
                rules:
                  - respond:
                      columns: [{id: int4}, {ok: bool}, {at: date}]
                      rows:
                        - [abc, true, 2024-01-01]
                        - [1, maybe, 2024-13-01]
                """;
        assertEquals(List.of(
                "t.yaml:5:12: value 'abc' does not fit column 'id' of type int4: invalid input syntax for type"
                        + " integer: \"abc\"",
                "t.yaml:6:15: value 'maybe' does not fit column 'ok' of type bool: invalid input syntax for type"
                        + " boolean: \"maybe\"",
                "t.yaml:6:22: value '2024-13-01' does not fit column 'at' of type date: date/time field value out"
                        + " of range: \"2024-13-01\""), problems(yaml));
    }

    @Test
    void unknownTypeNames() {
        String yaml = """
                rules:
                  - match:
                      param_types: [int4, integr]
                    respond:
                      columns: [{a: strnig}]
                      rows: [[x]]
                """;
        assertEquals(List.of("t.yaml:3:27: unknown type 'integr'", "t.yaml:5:21: unknown type 'strnig'"),
                problems(yaml));
    }
}
