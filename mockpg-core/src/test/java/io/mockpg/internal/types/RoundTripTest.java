package io.mockpg.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every type, and an array of it with a NULL element, survives text and binary round trips. */
class RoundTripTest {

    private static List<Object[]> samples() {
        List<Object[]> samples = new ArrayList<>();
        add(samples, PgTypes.BOOL, true, false);
        add(samples, PgTypes.INT2, (short) 0, Short.MIN_VALUE, Short.MAX_VALUE);
        add(samples, PgTypes.INT4, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        add(samples, PgTypes.INT8, 0L, Long.MIN_VALUE, Long.MAX_VALUE);
        add(samples, PgTypes.OID, 0L, 4_294_967_295L, 16_384L);
        add(samples, PgTypes.FLOAT4, 1.5f, -0.1f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN,
                Float.NEGATIVE_INFINITY, 1e20f, 3.0e-7f);
        add(samples, PgTypes.FLOAT8, 1.5, 0.1 + 0.2, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, -1e-300, 123456.789e10, Math.PI);
        add(samples, PgTypes.NUMERIC, new BigDecimal("0"), new BigDecimal("0.000"), new BigDecimal("-12.50"),
                new BigDecimal("123456789012345678901234567890.123456789"), new BigDecimal("0.00000001"),
                new BigDecimal("10000"), "NaN", "Infinity", "-Infinity");
        add(samples, PgTypes.TEXT, "", "hello", "a \"quoted\" \\ {x}, y", "NULL", "ünïcode ✓");
        add(samples, PgTypes.VARCHAR, "abc", " padded ");
        add(samples, PgTypes.BPCHAR, "ab  ");
        add(samples, PgTypes.NAME, "pg_class");
        add(samples, PgTypes.CHAR, "a");
        add(samples, PgTypes.UNKNOWN, "anything");
        add(samples, PgTypes.BYTEA, new byte[0], new byte[] {0, 1, (byte) 0xff, '\\', '"'});
        add(samples, PgTypes.DATE, LocalDate.of(2024, 1, 31), LocalDate.of(2000, 1, 1),
                LocalDate.of(1, 1, 1), LocalDate.of(0, 6, 15), LocalDate.of(12345, 12, 31),
                LocalDate.MAX, LocalDate.MIN);
        add(samples, PgTypes.TIME, LocalTime.of(13, 45), LocalTime.of(0, 0), LocalTime.of(23, 59, 59, 999_999_000),
                LocalTime.of(1, 2, 3, 40_000));
        add(samples, PgTypes.TIMETZ, OffsetTime.of(13, 45, 0, 0, ZoneOffset.ofHours(2)),
                OffsetTime.of(1, 0, 0, 500_000_000, ZoneOffset.ofHoursMinutes(-5, -30)),
                OffsetTime.of(1, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)));
        add(samples, PgTypes.TIMESTAMP, LocalDateTime.of(2024, 1, 31, 13, 45, 0, 500_000_000),
                LocalDateTime.of(1969, 7, 20, 20, 17, 40), LocalDateTime.of(0, 1, 1, 0, 0),
                LocalDateTime.MAX, LocalDateTime.MIN);
        add(samples, PgTypes.TIMESTAMPTZ, OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 123_456_000, ZoneOffset.UTC),
                OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC), TimestampTzType.INFINITY,
                TimestampTzType.MINUS_INFINITY);
        add(samples, PgTypes.INTERVAL, new PgInterval(14, 3, 14_706_789_000L), new PgInterval(0, 0, 0),
                new PgInterval(-14, 3, -14_706_000_000L), new PgInterval(0, -1, 3_600_000_000L),
                new PgInterval(0, 0, -1_500_000), new PgInterval(1, 0, 360_000_000_000L), new PgInterval(0, 0, 1));
        add(samples, PgTypes.UUID, UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new UUID(0, 0));
        add(samples, PgTypes.JSON, "{\"a\":[1,2,{\"b\":null}]}", "\"x\"");
        add(samples, PgTypes.JSONB, "{\"a\": [1, 2]}", "[]");
        add(samples, PgTypes.INET, "192.168.0.1", "10.0.0.0/8", "::1", "2001:db8::1:0:0:1/64", "::ffff:1.2.3.4");
        return samples;
    }

    private static void add(List<Object[]> samples, PgType type, Object... values) {
        for (Object value : values) {
            samples.add(new Object[] {type, value});
        }
        if (PgTypes.arrayOf(type) == null) {
            return;
        }
        List<Object> array = new ArrayList<>(Arrays.asList(values));
        array.add(1, null);
        samples.add(new Object[] {PgTypes.arrayOf(type), array});
        samples.add(new Object[] {PgTypes.arrayOf(type), List.of()});
    }

    @TestFactory
    Stream<DynamicTest> textRoundTrip() {
        return samples().stream().map(s -> DynamicTest.dynamicTest(label(s), () -> {
            PgType type = (PgType) s[0];
            assertSameValue(s[1], type.fromText(type.toText(s[1])));
        }));
    }

    @TestFactory
    Stream<DynamicTest> binaryRoundTrip() {
        return samples().stream().map(s -> DynamicTest.dynamicTest(label(s), () -> {
            PgType type = (PgType) s[0];
            assertSameValue(s[1], type.fromBinary(type.toBinary(s[1])));
        }));
    }

    @TestFactory
    Stream<DynamicTest> voidIsEmptyBothWays() {
        PgType type = PgTypes.VOID;
        return Stream.of(DynamicTest.dynamicTest("void", () -> {
            assertEquals("", type.toText(null));
            assertEquals(0, type.toBinary(null).length);
            assertEquals(null, type.fromText(""));
            assertEquals(null, type.fromBinary(new byte[0]));
        }));
    }

    private static String label(Object[] sample) {
        Object value = sample[1];
        return sample[0] + " " + (value instanceof byte[] b ? Arrays.toString(b) : String.valueOf(value));
    }

    private static void assertSameValue(Object expected, Object actual) {
        if (expected instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) actual);
        } else if (expected instanceof List<?> list) {
            List<?> got = (List<?>) actual;
            assertEquals(list.size(), got.size(), "array length");
            for (int i = 0; i < list.size(); i++) {
                assertSameValue(list.get(i), got.get(i));
            }
        } else {
            assertEquals(expected, actual);
        }
    }
}
