package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rows;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.single;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Catalog queries exactly as pgjdbc 42.7, r2dbc, Flyway, Liquibase, pgx and Npgsql send them. */
class CatalogQueriesTest {
    private static final String PGJDBC_TYPE_BY_OID = "SELECT typinput='pg_catalog.array_in'::regproc as is_array, "
            + "typtype, typname, pg_type.oid   FROM pg_catalog.pg_type   LEFT JOIN (select ns.oid as nspoid, "
            + "ns.nspname, r.r           from pg_namespace as ns           join ( select s.r, "
            + "(current_schemas(false))[s.r] as nspname                    from generate_series(1, "
            + "array_upper(current_schemas(false), 1)) as s(r) ) as r          using ( nspname )        ) as sp     "
            + "ON sp.nspoid = typnamespace  WHERE pg_type.oid = $1  ORDER BY sp.r, pg_type.oid DESC;";
    private static final String PGJDBC_OID_BY_NAME = "SELECT pg_type.oid, typname   FROM pg_catalog.pg_type   LEFT   "
            + "JOIN (select ns.oid as nspoid, ns.nspname, r.r           from pg_namespace as ns           join ( "
            + "select s.r, (current_schemas(false))[s.r] as nspname                    from generate_series(1, "
            + "array_upper(current_schemas(false), 1)) as s(r) ) as r          using ( nspname )        ) as sp     "
            + "ON sp.nspoid = typnamespace  WHERE typname = $1  ORDER BY sp.r, pg_type.oid DESC LIMIT 1;";
    private static final String PGJDBC_ARRAY_OF_NAME = "SELECT t.oid, t.typname   FROM pg_catalog.pg_type t  JOIN "
            + "pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.typelem = (SELECT oid FROM "
            + "pg_catalog.pg_type WHERE typname = $1) AND substring(t.typname, 1, 1) = '_' AND t.typlen = -1 AND "
            + "(n.nspname = $2 OR $3 AND n.nspname = ANY (current_schemas(true))) ORDER BY t.typelem DESC LIMIT 1";
    private static final String PGJDBC_TYPARRAY = "SELECT t.typarray, arr.typname   FROM pg_catalog.pg_type t  JOIN "
            + "pg_catalog.pg_namespace n ON t.typnamespace = n.oid  JOIN pg_catalog.pg_type arr ON arr.oid = "
            + "t.typarray WHERE t.typname = $1 AND (n.nspname = $2 OR $3 AND n.nspname = ANY (current_schemas(true))) "
            + "ORDER BY t.oid DESC LIMIT 1";
    private static final String PGJDBC_ON_PATH = "SELECT n.nspname = ANY(current_schemas(true)), n.nspname, "
            + "t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid "
            + "WHERE t.oid = $1";
    private static final String PGJDBC_DELIMITER = "SELECT e.typdelim FROM pg_catalog.pg_type t, pg_catalog.pg_type e "
            + "WHERE t.oid = $1 and t.typelem = e.oid";
    private static final String PGJDBC_ELEMENT = "SELECT e.oid, n.nspname = ANY(current_schemas(true)), n.nspname, "
            + "e.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type e ON t.typelem = e.oid JOIN "
            + "pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = $1";
    private static final String PGJDBC_FIELD_METADATA = "SELECT c.oid, a.attnum, a.attname, c.relname, n.nspname, "
            + "a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), a.attidentity != '' OR "
            + "pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%' FROM pg_catalog.pg_class c JOIN "
            + "pg_catalog.pg_namespace n ON (c.relnamespace = n.oid) JOIN pg_catalog.pg_attribute a ON (c.oid = "
            + "a.attrelid) JOIN pg_catalog.pg_type t ON (a.atttypid = t.oid) LEFT JOIN pg_catalog.pg_attrdef d ON "
            + "(d.adrelid = a.attrelid AND d.adnum = a.attnum) JOIN (SELECT 0 AS oid , 1 AS attnum) vals ON (c.oid = "
            + "vals.oid AND a.attnum = vals.attnum) where c.oid in (0)";
    private static final String NPGSQL_TYPES = """
            SELECT ns.nspname, t.oid, t.typname, t.typtype, t.typnotnull, t.elemtypoid
            FROM (
                -- Arrays have typtype=b - this subquery identifies them by their typreceive and converts their typtype to a
                SELECT
                    typ.oid, typ.typnamespace, typ.typname, typ.typtype, typ.typrelid, typ.typnotnull, typ.relkind,
                    elemtyp.oid AS elemtypoid, elemtyp.typname AS elemtypname, elemcls.relkind AS elemrelkind,
                    CASE WHEN elemproc.proname='array_recv' THEN 'a' ELSE elemtyp.typtype END AS elemtyptype
                FROM (
                    SELECT typ.oid, typnamespace, typname, typrelid, typnotnull, relkind, typelem AS elemoid,
                        CASE WHEN proc.proname='array_recv' THEN 'a' ELSE typ.typtype END AS typtype,
                        CASE
                            WHEN proc.proname='array_recv' THEN typ.typelem
                            WHEN typ.typtype='r' THEN rngsubtype
                            WHEN typ.typtype='m' THEN (SELECT rngtypid FROM pg_range WHERE rngmultitypid = typ.oid)
                            WHEN typ.typtype='d' THEN typ.typbasetype
                        END AS elemtypoid
                    FROM pg_type AS typ
                    LEFT JOIN pg_class AS cls ON (cls.oid = typ.typrelid)
                    LEFT JOIN pg_proc AS proc ON proc.oid = typ.typreceive
                    LEFT JOIN pg_range ON (pg_range.rngtypid = typ.oid)
                ) AS typ
                LEFT JOIN pg_type AS elemtyp ON elemtyp.oid = elemtypoid
                LEFT JOIN pg_class AS elemcls ON (elemcls.oid = elemtyp.typrelid)
                LEFT JOIN pg_proc AS elemproc ON elemproc.oid = elemtyp.typreceive
            ) AS t
            JOIN pg_namespace AS ns ON (ns.oid = typnamespace)
            WHERE
                typtype IN ('b', 'r', 'm', 'e', 'd') OR -- Base, range, multirange, enum, domain
                (typtype = 'c' AND relkind='c') OR -- User-defined free-standing composites (not table composites) by default
                (typtype = 'p' AND typname IN ('record', 'void', 'unknown')) OR -- Some special supported pseudo-types
                (typtype = 'a' AND (  -- Array of...
                    elemtyptype IN ('b', 'r', 'm', 'e', 'd') OR -- Array of base, range, multirange, enum, domain
                    (elemtyptype = 'p' AND elemtypname IN ('record', 'void')) OR -- Arrays of special supported pseudo-types
                    (elemtyptype = 'c' AND elemrelkind='c') -- Array of user-defined free-standing composites (not table composites) by default
                ))
            ORDER BY CASE
                   WHEN typtype IN ('b', 'e', 'p') THEN 0           -- First base types, enums, pseudo-types
                   WHEN typtype = 'r' THEN 1                        -- Ranges after
                   WHEN typtype = 'm' THEN 2                        -- Multiranges after
                   WHEN typtype = 'c' THEN 3                        -- Composites after
                   WHEN typtype = 'd' AND elemtyptype <> 'a' THEN 4 -- Domains over non-arrays after
                   WHEN typtype = 'a' THEN 5                        -- Arrays after
                   WHEN typtype = 'd' AND elemtyptype = 'a' THEN 6  -- Domains over arrays last
            END""";
    private static final String NPGSQL_COMPOSITES = """
            -- Load field definitions for (free-standing) composite types
            SELECT typ.oid, att.attname, att.atttypid
            FROM pg_type AS typ
            JOIN pg_namespace AS ns ON (ns.oid = typ.typnamespace)
            JOIN pg_class AS cls ON (cls.oid = typ.typrelid)
            JOIN pg_attribute AS att ON (att.attrelid = typ.typrelid)
            WHERE
              (typ.typtype = 'c' AND cls.relkind='c') AND
              attnum > 0 AND     -- Don't load system attributes
              NOT attisdropped
            ORDER BY typ.oid, att.attnum""";
    private static final String NPGSQL_ENUMS = """
            -- Load enum fields
            SELECT pg_type.oid, enumlabel
            FROM pg_enum
            JOIN pg_type ON pg_type.oid=enumtypid
            ORDER BY oid, enumsortorder""";

    private final BuiltinFixture.Client client = new BuiltinFixture().client();

    @Test
    void pgjdbcTypeByOid() {
        Answer interval = client.run(PGJDBC_TYPE_BY_OID, "1186");
        assertEquals(List.of("is_array:bool", "typtype:\"char\"", "typname:name", "oid:oid"), columns(interval));
        assertArrayEquals(new Object[] {false, "b", "interval", 1186L}, rows(interval).get(0));
        assertArrayEquals(new Object[] {true, "b", "_int4", 1007L}, rows(client.run(PGJDBC_TYPE_BY_OID, "1007")).get(0));
        assertArrayEquals(new Object[] {false, "p", "unknown", 705L}, rows(client.run(PGJDBC_TYPE_BY_OID, "705")).get(0));
        assertEquals(0, rows(client.run(PGJDBC_TYPE_BY_OID, "99999")).size());
        // simple query mode inlines the parameter
        assertEquals("inet", rows(client.run(PGJDBC_TYPE_BY_OID.replace("$1", "('869'::int4)"))).get(0)[2]);
    }

    @Test
    void pgjdbcNameLookups() {
        Answer byName = client.run(PGJDBC_OID_BY_NAME, "interval");
        assertEquals(List.of("oid:oid", "typname:name"), columns(byName));
        assertArrayEquals(new Object[] {1186L, "interval"}, rows(byName).get(0));
        assertArrayEquals(new Object[] {1041L, "_inet"},
                rows(client.run(PGJDBC_ARRAY_OF_NAME, "inet", null, "true")).get(0));
        Answer typarray = client.run(PGJDBC_TYPARRAY, "uuid", null, "true");
        assertEquals(List.of("typarray:oid", "typname:name"), columns(typarray));
        assertArrayEquals(new Object[] {2951L, "_uuid"}, rows(typarray).get(0));
    }

    @Test
    void pgjdbcOidDetails() {
        Answer onPath = client.run(PGJDBC_ON_PATH, "1186");
        assertEquals(List.of("?column?:bool", "nspname:name", "typname:name"), columns(onPath));
        assertArrayEquals(new Object[] {true, "pg_catalog", "interval"}, rows(onPath).get(0));
        Answer delimiter = client.run(PGJDBC_DELIMITER, "1007");
        assertEquals(List.of("typdelim:\"char\""), columns(delimiter));
        assertEquals(",", single(delimiter));
        assertArrayEquals(new Object[] {23L, true, "pg_catalog", "int4"},
                rows(client.run(PGJDBC_ELEMENT, "1007")).get(0));
    }

    @Test
    void pgjdbcMetadataQueries() {
        Answer fields = client.run(PGJDBC_FIELD_METADATA);
        assertEquals(List.of("oid:oid", "attnum:int2", "attname:name", "relname:name", "nspname:name",
                "?column?:bool", "?column?:bool"), columns(fields));
        assertEquals(0, rows(fields).size());

        Answer nameLength = client.run("SELECT t.typlen FROM pg_catalog.pg_type t, pg_catalog.pg_namespace n WHERE "
                + "t.typnamespace=n.oid AND t.typname='name' AND n.nspname='pg_catalog'");
        assertEquals(List.of("typlen:int2"), columns(nameLength));
        assertEquals((short) 64, single(nameLength));

        Answer indexKeys = client.run("SELECT setting FROM pg_catalog.pg_settings WHERE name='max_index_keys'");
        assertEquals(List.of("setting:text"), columns(indexKeys));
        assertEquals("32", single(indexKeys));
        assertEquals("read committed", single(client.run(
                "SELECT setting FROM pg_catalog.pg_settings WHERE name='default_transaction_isolation'")));
        assertEquals(0, rows(client.run("select setting from pg_settings where name = 'edb_redwood_date'")).size());
    }

    @Test
    void r2dbcExtensionProbeIsEmpty() {
        Answer probe = client.run("SELECT oid, * FROM pg_catalog.pg_type WHERE typname IN ('hstore','geometry','vector')");
        List<String> columns = columns(probe);
        assertEquals("oid:oid", columns.get(0));
        assertEquals("oid:oid", columns.get(1));
        assertEquals("typname:name", columns.get(2));
        assertEquals(0, rows(probe).size());
        assertEquals(1, rows(client.run("SELECT oid, * FROM pg_catalog.pg_type WHERE typname IN ('uuid','x')")).size());
    }

    @Test
    void flywaySchemaAndTableChecks() {
        Answer count = client.run("SELECT COUNT(*) FROM pg_namespace WHERE nspname=$1", "public");
        assertEquals(List.of("count:int8"), columns(count));
        assertEquals(1L, single(count));
        assertEquals(0L, single(client.run("SELECT COUNT(*) FROM pg_namespace WHERE nspname=$1", "flyway")));
        Answer exists = client.run("SELECT EXISTS ( SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = 'r' )",
                "public", "flyway_schema_history");
        assertEquals(List.of("exists:bool"), columns(exists));
        assertEquals(false, single(exists));
    }

    @Test
    void pgxLoadType() {
        Answer typtype = client.run("select typtype::text, typbasetype from pg_type where oid=$1", "1186");
        assertEquals(List.of("typtype:text", "typbasetype:oid"), columns(typtype));
        assertArrayEquals(new Object[] {"b", 0L}, rows(typtype).get(0));
        Answer element = client.run("select typelem, typdelim::text from pg_type where oid=$1", "1007");
        assertArrayEquals(new Object[] {23L, ","}, rows(element).get(0));
        assertEquals(0L, single(client.run("select typrelid from pg_type where oid=$1", "23")));
    }

    @Test
    void npgsqlTypeLoading() {
        Answer types = client.run(NPGSQL_TYPES);
        assertEquals(List.of("nspname:name", "oid:oid", "typname:name", "typtype:\"char\"", "typnotnull:bool",
                "elemtypoid:oid"), columns(types));
        List<Object[]> rows = rows(types);
        Map<String, Object[]> byName = new java.util.HashMap<>();
        rows.forEach(row -> byName.put((String) row[2], row));
        for (String required : List.of("unknown", "record", "void", "int4", "text", "timestamptz", "uuid", "jsonb")) {
            assertTrue(byName.containsKey(required), required);
        }
        assertArrayEquals(new Object[] {"pg_catalog", 705L, "unknown", "p", false, null}, byName.get("unknown"));
        assertArrayEquals(new Object[] {"pg_catalog", 1007L, "_int4", "a", false, 23L}, byName.get("_int4"));
        int firstArray = rows.indexOf(byName.get("_int4"));
        assertTrue(rows.indexOf(byName.get("int4")) < firstArray && rows.indexOf(byName.get("void")) < firstArray);

        Answer composites = client.run(NPGSQL_COMPOSITES);
        assertEquals(List.of("oid:oid", "attname:name", "atttypid:oid"), columns(composites));
        assertEquals(0, rows(composites).size());
        Answer enums = client.run(NPGSQL_ENUMS);
        assertEquals(List.of("oid:oid", "enumlabel:name"), columns(enums));
        assertEquals(0, rows(enums).size());
    }

    @Test
    void otherCatalogQueriesAreLeftToScripts() {
        assertNull(client.run("SELECT relname FROM pg_catalog.pg_class WHERE relkind = 'r'"));
        assertNull(client.run("select string_agg(word, ',') from pg_catalog.pg_get_keywords()"));
        assertNull(client.run("SELECT * FROM pg_catalog.pg_type"));
    }
}
