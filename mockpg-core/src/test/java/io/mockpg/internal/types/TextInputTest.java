package io.mockpg.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text input forms beyond the captured fixtures, and the errors for malformed input. */
class TextInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"t", "true", "TRUE", "yes", "Y", "on", "1", " true "})
    void trueSpellings(String text) {
        assertEquals(true, PgTypes.BOOL.fromText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "false", "False", "no", "N", "off", "OFF", "0"})
    void falseSpellings(String text) {
        assertEquals(false, PgTypes.BOOL.fromText(text));
    }

    @ParameterizedTest(name = "{0} = {1} months {2} days {3} µs")
    @CsvSource(delimiter = '|', value = {
        "1 day 02:00:00|0|1|7200000000", "3 hours|0|0|10800000000", "P1Y2M3DT4H5M6S|14|3|14706000000",
        "PT1.5S|0|0|1500000", "P2W|0|14|0", "@ 1 day ago|0|-1|0", "1 year 2 months|14|0|0",
        "1.5 months|1|15|0", "-3 days 04:00|0|-3|14400000000", "10|0|0|10000000", "5 min 30 sec|0|0|330000000",
        "1 century|1200|0|0", "250 ms|0|0|250000", "2 h 3 m|0|0|7380000000", "1 week 1 day|0|8|0",
        "1 year -1 mons|11|0|0", "00:00:00.000001|0|0|1"
    })
    void intervals(String text, int months, int days, long micros) {
        assertEquals(new PgInterval(months, days, micros), PgTypes.INTERVAL.fromText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1 fortnight", "P", "PT1X", "1 day ago 2 hours", "12:xx"})
    void malformedIntervals(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgTypes.INTERVAL.fromText(text));
        assertEquals("invalid input syntax for type interval: \"" + text + "\"", e.getMessage());
    }

    @Test
    void timestampForms() {
        OffsetDateTime utc1145 = OffsetDateTime.of(2024, 1, 31, 11, 45, 0, 0, ZoneOffset.UTC);
        assertEquals(utc1145, PgTypes.TIMESTAMPTZ.fromText("2024-01-31 13:45:00+02"));
        assertEquals(utc1145, PgTypes.TIMESTAMPTZ.fromText("2024-01-31T13:45+02:00"));
        assertEquals(utc1145, PgTypes.TIMESTAMPTZ.fromText("2024-01-31 13:45:00 +0200"));
        assertEquals(utc1145, PgTypes.TIMESTAMPTZ.fromText("2024-01-31 11:45:00Z"));
        assertEquals(utc1145, PgTypes.TIMESTAMPTZ.fromText("2024-01-31 11:45:00 UTC"));
        assertEquals(LocalDateTime.of(2024, 1, 31, 13, 45, 0, 123_457_000),
                PgTypes.TIMESTAMP.fromText("2024-01-31 13:45:00.1234567"));
        assertEquals(LocalDateTime.of(2024, 2, 1, 0, 0), PgTypes.TIMESTAMP.fromText("2024-01-31 24:00:00"));
        assertEquals(LocalDateTime.MAX, PgTypes.TIMESTAMP.fromText("infinity"));
        assertEquals("-infinity", PgTypes.TIMESTAMPTZ.toText(PgTypes.TIMESTAMPTZ.fromText("-infinity")));
        assertEquals(LocalDate.of(1970, 1, 1), PgTypes.DATE.fromText("epoch"));
        assertEquals(LocalTime.of(7, 8), PgTypes.TIME.fromText("07:08"));
        assertEquals("0001-01-01 00:00:00 BC", PgTypes.TIMESTAMP.toText(PgTypes.TIMESTAMP.fromText("0001-01-01 BC")));
    }

    @Test
    void malformedDatesSayWhy() {
        assertEquals("date/time field value out of range: \"2024-02-30\"",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.DATE.fromText("2024-02-30")).getMessage());
        assertEquals("invalid input syntax for type date: \"31/01/2024\"",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.DATE.fromText("31/01/2024")).getMessage());
        assertEquals("invalid input syntax for type timestamp with time zone: \"2024-01-31 13:45 Mars\"",
                assertThrows(IllegalArgumentException.class,
                        () -> PgTypes.TIMESTAMPTZ.fromText("2024-01-31 13:45 Mars")).getMessage());
    }

    @Test
    void arrayQuotingIsReadBack() {
        PgType textArray = PgTypes.byName("text[]");
        assertEquals(Arrays.asList("a b", "", null, "\"q\"", "NULL", "x y"),
                textArray.fromText("{\"a b\",\"\",NULL,\"\\\"q\\\"\",\"NULL\",  x y  }"));
        assertEquals(Arrays.asList("null", "a,b", "{}"), textArray.fromText("{\"null\",\"a,b\",\"{}\"}"));
        assertEquals(List.of("back\\slash"), textArray.fromText("{back\\\\slash}"));
        assertEquals("{\"a b\",\"\",NULL,\"\\\"q\\\"\",\"NULL\",x}",
                textArray.toText(Arrays.asList("a b", "", null, "\"q\"", "NULL", "x")));
        assertEquals("{\"\\\\x0102\"}", PgTypes.byName("bytea[]").toText(List.of(new byte[] {1, 2})));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2", "{1,2", "{{1,2},{3,4}}", "{1,}", "{\"a}"})
    void malformedArrays(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgTypes.byName("int4[]").fromText(text));
        assertEquals("malformed array literal: \"" + text + "\"",
                e.getMessage().substring(0, e.getMessage().indexOf("\":") + 1));
    }

    @Test
    void byteaEscapeAndHexInput() {
        assertArrayEquals(new byte[] {'a', '\\', 'b', 1}, (byte[]) PgTypes.BYTEA.fromText("a\\\\b\\001"));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad}, (byte[]) PgTypes.BYTEA.fromText("\\xDE AD"));
        assertThrows(IllegalArgumentException.class, () -> PgTypes.BYTEA.fromText("\\x0"));
        assertThrows(IllegalArgumentException.class, () -> PgTypes.BYTEA.fromText("a\\b"));
    }

    @Test
    void numbers() {
        assertEquals(new BigDecimal("1000"), PgTypes.NUMERIC.fromText("1e3"));
        assertEquals("NaN", PgTypes.NUMERIC.fromText("nan"));
        assertEquals("-Infinity", PgTypes.NUMERIC.fromText("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, PgTypes.FLOAT8.fromText("Infinity"));
        assertEquals("\"1e400\" is out of range for type double precision",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.FLOAT8.fromText("1e400")).getMessage());
        assertEquals("\"1e40\" is out of range for type real",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.FLOAT4.fromText("1e40")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PgTypes.FLOAT8.fromText("0x1p3"));
        assertThrows(IllegalArgumentException.class, () -> PgTypes.NUMERIC.fromText("1,5"));
        assertEquals("value \"9223372036854775808\" is out of range for type bigint",
                assertThrows(IllegalArgumentException.class,
                        () -> PgTypes.INT8.fromText("9223372036854775808")).getMessage());
    }

    @Test
    void uuidAndInet() {
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                PgTypes.UUID.toText(PgTypes.UUID.fromText("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11")));
        assertThrows(IllegalArgumentException.class, () -> PgTypes.UUID.fromText("a0eebc99-9c0b-4ef8-bb6d"));
        assertEquals("192.168.0.1", PgTypes.INET.fromText("192.168.0.1/32"));
        assertEquals("invalid input syntax for type inet: \"example.com\"",
                assertThrows(IllegalArgumentException.class, () -> PgTypes.INET.fromText("example.com")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PgTypes.INET.fromText("1.2.3.256"));
        assertThrows(IllegalArgumentException.class, () -> PgTypes.INET.fromText("1::2::3"));
    }
}
