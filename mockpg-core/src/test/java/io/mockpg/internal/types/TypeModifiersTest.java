package io.mockpg.internal.types;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Type modifiers as PostgreSQL 15 reports them in RowDescription (atttypmod), from names and back. */
class TypeModifiersTest {
    @Test
    void aWrittenModifierIsEncodedAsPostgresqlReportsIt() {
        // SELECT atttypmod FROM pg_attribute on PostgreSQL 15 for columns of these types
        assertEquals(655366, typmod("numeric(10,2)"));
        assertEquals(524292, typmod("numeric(8)"));
        assertEquals(24, typmod("varchar(20)"));
        assertEquals(24, typmod("character varying(20)"));
        assertEquals(7, typmod("char(3)"));
        assertEquals(3, typmod("timestamptz(3)"));
        assertEquals(0, typmod("timestamp(0) without time zone"));
        assertEquals(655366, typmod("numeric(10,2)[]"));
    }

    @Test
    void noModifierOrOneTheTypeDoesNotTakeIsNone() {
        assertEquals(-1, typmod("numeric"));
        assertEquals(-1, typmod("text"));
        assertEquals(-1, typmod("int4(5)"));
        assertEquals(-1, typmod("varchar(x)"));
        assertEquals(-1, typmod("timestamptz(9)"));
    }

    @Test
    void theRecorderWritesNamesThatReadBackToTheSameModifier() {
        for (String name : new String[] {"numeric(10,2)", "numeric(8,0)", "varchar(20)", "bpchar(3)", "timestamptz(3)",
                                         "time(0)", "numeric(10,2)[]", "varchar(5)[]"}) {
            PgType type = PgTypes.byName(name);
            String written = TypeModifiers.written(type, TypeModifiers.of(name, type));
            assertEquals(name, written);
            assertEquals(TypeModifiers.of(name, type), TypeModifiers.of(written, PgTypes.byName(written)));
        }
        assertEquals("numeric", TypeModifiers.written(PgTypes.NUMERIC, -1));
        assertEquals("text", TypeModifiers.written(PgTypes.TEXT, 40));
    }

    private static int typmod(String name) {
        return TypeModifiers.of(name, PgTypes.byName(name));
    }
}
