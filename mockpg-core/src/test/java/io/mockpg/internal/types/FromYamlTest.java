package io.mockpg.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FromYamlTest {
    /** 2024-01-31T13:45:00Z, as SnakeYAML loads a YAML timestamp. */
    private static final Date YAML_TIMESTAMP = new Date(1_706_708_700_000L);

    @Test
    void integersFitTheirRange() {
        assertEquals((short) 42, PgTypes.INT2.fromYaml(42));
        assertEquals(70000, PgTypes.INT4.fromYaml(70000));
        assertEquals(5_000_000_000L, PgTypes.INT8.fromYaml(5_000_000_000L));
        assertEquals(Long.MAX_VALUE, PgTypes.INT8.fromYaml(BigInteger.valueOf(Long.MAX_VALUE)));
        assertEquals(7L, PgTypes.INT8.fromYaml(7));
        assertEquals(4_294_967_295L, PgTypes.OID.fromYaml(4_294_967_295L));
        assertEquals(12, PgTypes.INT4.fromYaml("12"));
    }

    @Test
    void integersOutOfRangeAreRejectedWithTheValue() {
        assertMessage("70000 is out of range for int2", PgTypes.INT2, 70000);
        assertMessage("3000000000 is out of range for int4", PgTypes.INT4, 3_000_000_000L);
        assertMessage("9223372036854775808 is out of range for int8", PgTypes.INT8,
                new BigInteger("9223372036854775808"));
        assertMessage("-1 is out of range for oid", PgTypes.OID, -1);
        assertMessage("value \"70000\" is out of range for type smallint", PgTypes.INT2, "70000");
        assertMessage("invalid input syntax for type integer: \"12a\"", PgTypes.INT4, "12a");
    }

    @Test
    void wrongKindsAreRejected() {
        assertMessage("a number (1.5) does not fit int4", PgTypes.INT4, 1.5);
        assertMessage("a boolean (true) does not fit int4", PgTypes.INT4, true);
        assertMessage("a list ([1]) does not fit int4", PgTypes.INT4, List.of(1));
        assertMessage("a number (3) does not fit bytea", PgTypes.BYTEA, 3);
        assertMessage("a number (3) does not fit int4[]", PgTypes.arrayOf(PgTypes.INT4), 3);
        assertMessage("invalid input syntax for type boolean: \"maybe\"", PgTypes.BOOL, "maybe");
    }

    @Test
    void naturalScalars() {
        assertEquals(true, PgTypes.BOOL.fromYaml(true));
        assertEquals(false, PgTypes.BOOL.fromYaml("off"));
        assertEquals(1.5, PgTypes.FLOAT8.fromYaml(1.5));
        assertEquals(3.0, PgTypes.FLOAT8.fromYaml(3));
        assertEquals(0.25f, PgTypes.FLOAT4.fromYaml(0.25));
        assertMessage("1.0E300 is out of range for float4", PgTypes.FLOAT4, 1e300);
        assertEquals(new BigDecimal("12.50"), PgTypes.NUMERIC.fromYaml("12.50"));
        assertEquals(new BigDecimal("1.5"), PgTypes.NUMERIC.fromYaml(1.5));
        assertEquals(new BigDecimal("7"), PgTypes.NUMERIC.fromYaml(7));
        assertEquals("42", PgTypes.TEXT.fromYaml(42));
        assertEquals("true", PgTypes.VARCHAR.fromYaml(true));
    }

    @Test
    void binaryAndHexBytea() {
        assertArrayEquals(new byte[] {1, 2}, (byte[]) PgTypes.BYTEA.fromYaml(new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, (byte[]) PgTypes.BYTEA.fromYaml("\\x0102FF"));
    }

    @Test
    void yamlTimestamps() {
        assertEquals(LocalDate.of(2024, 1, 31), PgTypes.DATE.fromYaml(YAML_TIMESTAMP));
        assertEquals(LocalDateTime.of(2024, 1, 31, 13, 45), PgTypes.TIMESTAMP.fromYaml(YAML_TIMESTAMP));
        assertEquals(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.UTC),
                PgTypes.TIMESTAMPTZ.fromYaml(YAML_TIMESTAMP));
        assertEquals("2024-01-31 13:45:00+00", PgTypes.TIMESTAMPTZ.toText(PgTypes.TIMESTAMPTZ.fromYaml(YAML_TIMESTAMP)));
    }

    @Test
    void listsBecomeArraysElementByElement() {
        PgType int2Array = PgTypes.byName("int2[]");
        assertEquals(Arrays.asList((short) 1, null, (short) 3), int2Array.fromYaml(Arrays.asList(1, null, 3)));
        assertMessage("element 2: 70000 is out of range for int2", int2Array, List.of(1, 70000));
        assertEquals(List.of("a b", "c"), PgTypes.byName("text[]").fromYaml("{\"a b\",c}"));
        assertEquals(List.of(), PgTypes.byName("_int4").fromYaml(List.of()));
    }

    @Test
    void mapsAndListsBecomeJsonTextInKeyOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList("x\"y", null, true, 1.5));
        map.put("n", Map.of());
        assertEquals("{\"z\":1,\"a\":[\"x\\\"y\",null,true,1.5],\"n\":{}}", PgTypes.JSON.fromYaml(map));
        assertEquals("{\"z\": 1, \"a\": [\"x\\\"y\", null, true, 1.5], \"n\": {}}", PgTypes.JSONB.fromYaml(map));
        assertEquals("[1,2]", PgTypes.JSON.fromYaml(List.of(1, 2)));
        assertEquals("{\"as\": \"text\"}", PgTypes.JSONB.fromYaml("{\"as\": \"text\"}"));
        assertEquals("\"tab\\tand\\u0001\"", JsonWriter.write("tab\tand\u0001", false));
    }

    private static void assertMessage(String message, PgType type, Object yamlValue) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> type.fromYaml(yamlValue));
        assertEquals(message, e.getMessage());
    }
}
