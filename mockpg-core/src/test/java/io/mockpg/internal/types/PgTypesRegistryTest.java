package io.mockpg.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgTypesRegistryTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "integer|int4", "INT|int4", "int4|int4", "smallint|int2", "int2|int2", "bigint|int8",
        "int8|int8", "real|float4", "float4|float4", "double precision|float8", "Double  Precision|float8",
        "float8|float8", "float|float8", "numeric|numeric", "decimal|numeric", "numeric(10,2)|numeric",
        "NUMERIC( 10 , 2 )|numeric", "text|text", "varchar|varchar", "varchar(20)|varchar",
        "character varying|varchar", "character varying(20)|varchar", "bpchar|bpchar", "char|bpchar",
        "char(3)|bpchar", "character(3)|bpchar", "name|name", "bytea|bytea", "bool|bool",
        "boolean|bool", "BOOLEAN|bool", "date|date", "time|time", "time without time zone|time",
        "time(3) without time zone|time", "timetz|timetz", "time with time zone|timetz",
        "timestamp|timestamp", "timestamp without time zone|timestamp", "timestamptz|timestamptz",
        "timestamp with time zone|timestamptz", "timestamp(6) with time zone|timestamptz",
        "interval|interval", "uuid|uuid", "json|json", "jsonb|jsonb", "oid|oid", "inet|inet",
        "void|void", "unknown|unknown", "\"char\"|\"char\"",
        "int4[]|int4[]", "_int4|int4[]", "integer[]|int4[]", "integer []|int4[]", "_text|text[]",
        "varchar(10)[]|varchar[]", "character varying[]|varchar[]", "timestamp with time zone[]|timestamptz[]",
        "_timestamptz|timestamptz[]", "numeric(10,2)[]|numeric[]", "int4[3]|int4[]", "_bool|bool[]",
        "\"char\"[]|\"char\"[]", "_jsonb|jsonb[]", "inet[]|inet[]"
    })
    void findsNamesAndAliases(String written, String canonical) {
        PgType type = PgTypes.byName(written);
        assertEquals(canonical, type == null ? null : type.name());
    }

    @Test
    void unknownNamesGiveNull() {
        assertNull(PgTypes.byName("geometry"));
        assertNull(PgTypes.byName("_geometry"));
        assertNull(PgTypes.byName("void[]"));
        assertNull(PgTypes.byName(""));
        assertNull(PgTypes.byName(null));
        assertNull(PgTypes.byOid(0));
        assertNull(PgTypes.byOid(123456));
    }

    @ParameterizedTest(name = "{0}: oid {1}, array {2}, typlen {3}")
    @CsvSource({
        "bool,16,1000,1", "int2,21,1005,2", "int4,23,1007,4", "int8,20,1016,8", "float4,700,1021,4",
        "float8,701,1022,8", "numeric,1700,1231,-1", "text,25,1009,-1", "varchar,1043,1015,-1",
        "bpchar,1042,1014,-1", "name,19,1003,64", "bytea,17,1001,-1", "date,1082,1182,4",
        "time,1083,1183,8", "timetz,1266,1270,12", "timestamp,1114,1115,8", "timestamptz,1184,1185,8",
        "interval,1186,1187,16", "uuid,2950,2951,16", "json,114,199,-1", "jsonb,3802,3807,-1",
        "oid,26,1028,4", "inet,869,1041,-1", "void,2278,0,4", "unknown,705,0,-2", "\"char\",18,1002,1"
    })
    void standardOidsAndLengths(String name, int oid, int arrayOid, short typlen) {
        PgType type = PgTypes.byName(name);
        assertEquals(name, type.name());
        assertEquals(oid, type.oid());
        assertEquals(arrayOid, type.arrayOid());
        assertEquals(typlen, type.typlen());
        assertNull(type.elementType());
        assertSame(type, PgTypes.byOid(oid));
        if (arrayOid != 0) {
            PgType array = PgTypes.byOid(arrayOid);
            assertEquals(name + "[]", array.name());
            assertEquals(arrayOid, array.oid());
            assertEquals(0, array.arrayOid());
            assertEquals(-1, array.typlen());
            assertSame(type, array.elementType());
            assertSame(array, PgTypes.arrayOf(type));
        }
    }

    @Test
    void everyTypeIsFoundByItsOwnNameAndOid() {
        assertEquals(26 + 24, PgTypes.all().size());
        for (PgType type : PgTypes.all()) {
            assertSame(type, PgTypes.byName(type.name()), type.name());
            assertSame(type, PgTypes.byOid(type.oid()), type.name());
        }
    }

    @Test
    void constantsAreTheRegisteredTypes() {
        assertSame(PgTypes.TEXT, PgTypes.byOid(25));
        assertSame(PgTypes.INT4, PgTypes.byName("integer"));
        assertSame(PgTypes.INT8, PgTypes.byName("bigint"));
        assertSame(PgTypes.BOOL, PgTypes.byName("boolean"));
        assertSame(PgTypes.TIMESTAMPTZ, PgTypes.byName("timestamp with time zone"));
        assertSame(PgTypes.VOID, PgTypes.byOid(2278));
    }
}
