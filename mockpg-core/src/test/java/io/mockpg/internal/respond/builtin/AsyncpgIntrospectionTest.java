package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * asyncpg 0.31's type introspection (connection.py {@code _introspect_types}, the query of
 * introspection.py {@code INTRO_LOOKUP_TYPES}, condensed here), compared with what
 * PostgreSQL 15 answers for {@code '{1007,1009,3807}'::oid[]}.
 */
class AsyncpgIntrospectionTest {
    private static final String TYPEINFO = """
            (SELECT t.oid AS oid, ns.nspname AS ns, t.typname AS name, t.typtype AS kind,
                (CASE WHEN t.typtype = 'd' THEN (WITH RECURSIVE typebases(oid, depth) AS (
                    SELECT t2.typbasetype AS oid, 0 AS depth FROM pg_type t2 WHERE t2.oid = t.oid
                    UNION ALL SELECT t2.typbasetype AS oid, tb.depth + 1 AS depth FROM pg_type t2, typebases tb
                    WHERE tb.oid = t2.oid AND t2.typbasetype != 0) SELECT oid FROM typebases ORDER BY depth DESC LIMIT 1)
                 ELSE NULL END) AS basetype,
                t.typelem AS elemtype, elem_t.typdelim AS elemdelim,
                COALESCE(range_t.rngsubtype, multirange_t.rngsubtype) AS range_subtype,
                (CASE WHEN t.typtype = 'c' THEN (SELECT array_agg(ia.atttypid ORDER BY ia.attnum) FROM pg_attribute ia
                    INNER JOIN pg_class c ON (ia.attrelid = c.oid) WHERE ia.attnum > 0 AND NOT ia.attisdropped
                    AND c.reltype = t.oid) ELSE NULL END) AS attrtypoids,
                (CASE WHEN t.typtype = 'c' THEN (SELECT array_agg(ia.attname::text ORDER BY ia.attnum) FROM pg_attribute ia
                    INNER JOIN pg_class c ON (ia.attrelid = c.oid) WHERE ia.attnum > 0 AND NOT ia.attisdropped
                    AND c.reltype = t.oid) ELSE NULL END) AS attrnames
             FROM pg_catalog.pg_type AS t INNER JOIN pg_catalog.pg_namespace ns ON (ns.oid = t.typnamespace)
             LEFT JOIN pg_type elem_t ON (t.typlen = -1 AND t.typelem != 0 AND t.typelem = elem_t.oid)
             LEFT JOIN pg_range range_t ON (t.oid = range_t.rngtypid)
             LEFT JOIN pg_range multirange_t ON (t.oid = multirange_t.rngmultitypid))
            """;
    private static final String INTROSPECTION = """
            WITH RECURSIVE typeinfo_tree(oid, ns, name, kind, basetype, elemtype, elemdelim,
                range_subtype, attrtypoids, attrnames, depth)
            AS (SELECT ti.oid, ti.ns, ti.name, ti.kind, ti.basetype, ti.elemtype, ti.elemdelim, ti.range_subtype,
                    ti.attrtypoids, ti.attrnames, 0 FROM TYPEINFO AS ti WHERE ti.oid = any($1::oid[])
                UNION ALL
                SELECT ti.oid, ti.ns, ti.name, ti.kind, ti.basetype, ti.elemtype, ti.elemdelim, ti.range_subtype,
                    ti.attrtypoids, ti.attrnames, tt.depth + 1 FROM TYPEINFO ti, typeinfo_tree tt
                WHERE (tt.elemtype IS NOT NULL AND ti.oid = tt.elemtype)
                    OR (tt.attrtypoids IS NOT NULL AND ti.oid = any(tt.attrtypoids))
                    OR (tt.range_subtype IS NOT NULL AND ti.oid = tt.range_subtype)
                    OR (tt.basetype IS NOT NULL AND ti.oid = tt.basetype))
            SELECT DISTINCT *, basetype::regtype::text AS basetype_name, elemtype::regtype::text AS elemtype_name,
                range_subtype::regtype::text AS range_subtype_name
            FROM typeinfo_tree ORDER BY depth DESC
            """.replace("TYPEINFO", TYPEINFO);

    private final BuiltinFixture fixture = new BuiltinFixture();
    private final BuiltinFixture.Client client = fixture.client();

    @Test
    void answersArraysWithTheirElementTypesDeepestFirst() {
        Answer answer = client.run(INTROSPECTION, "{1007,1009,3807}");
        assertEquals(List.of("oid:oid", "ns:name", "name:name", "kind:\"char\"", "basetype:oid", "elemtype:oid",
                "elemdelim:\"char\"", "range_subtype:oid", "attrtypoids:oid[]", "attrnames:text[]", "depth:int4",
                "basetype_name:text", "elemtype_name:text", "range_subtype_name:text"), columns(answer));
        List<Object[]> rows = rows(answer);
        assertEquals(6, rows.size());
        assertArrayEquals(new Object[] {23L, "pg_catalog", "int4", "b", null, 0L, null, null, null, null, 1, null,
                "-", null}, rows.get(0));
        assertArrayEquals(new Object[] {25L, "pg_catalog", "text", "b", null, 0L, null, null, null, null, 1, null,
                "-", null}, rows.get(1));
        assertEquals(3802L, rows.get(2)[0]);
        assertArrayEquals(new Object[] {1007L, "pg_catalog", "_int4", "b", null, 23L, ",", null, null, null, 0, null,
                "integer", null}, rows.get(3));
        assertEquals("text", rows.get(4)[12]);
        assertEquals("jsonb", rows.get(5)[12]);
    }

    @Test
    void unknownOidsGiveNoRows() {
        assertEquals(0, rows(client.run(INTROSPECTION, "{99999}")).size());
    }

    @Test
    void describeReportsTheOidArrayParameter() {
        Description description = fixture.builtins.describe(SqlStatement.parse(INTROSPECTION), new int[] {0});
        assertArrayEquals(new int[] {1028}, description.paramOids());
        assertEquals(14, description.columns().size());
    }
}
