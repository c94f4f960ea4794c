package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in pg_type: PostgreSQL's standard types (from the type registry, with their
 * array types) plus the pseudo types drivers look up, all in namespace pg_catalog (OID 11).
 *
 * <p>asyncpg has core codecs for the standard scalar types but introspects most of their
 * arrays ({@code int4[]}, …); {@link AsyncpgIntrospection} answers that query from this table.
 * Queries on other catalog tables that are not recognized get no built-in answer, so the
 * user sees MP001 and can script them.
 */
final class Catalog {
    static final int PG_CATALOG_OID = 11;

    /** One pg_type row (the columns clients read). */
    record CatalogType(int oid, String name, char typtype, short typlen, int elemOid, int arrayOid) {
        boolean isArray() {
            return elemOid != 0 && name.startsWith("_");
        }

        char category() {
            return isArray() ? 'A' : typtype == 'p' ? 'P' : 'U';
        }

        String typinput() {
            return isArray() ? "array_in" : name + "_in";
        }
    }

    private static final List<String> STANDARD = List.of("bool", "bytea", "name", "int8", "int2", "int4", "text",
            "oid", "json", "xml", "float4", "float8", "money", "bpchar", "varchar", "date", "time", "timestamp",
            "timestamptz", "interval", "timetz", "bit", "varbit", "numeric", "uuid", "jsonb", "inet", "cidr",
            "macaddr", "point", "box", "refcursor");

    private static final Map<Integer, CatalogType> BY_OID = build();

    private Catalog() {
    }

    private static Map<Integer, CatalogType> build() {
        Map<Integer, CatalogType> types = new LinkedHashMap<>();
        addWithArray(types, PgTypes.CHAR);
        for (String name : STANDARD) {
            PgType type = PgTypes.byName(name);
            if (type != null && type.name().equals(name)) {
                addWithArray(types, type);
            }
        }
        pseudo(types, 705, "unknown", -2, 0);
        pseudo(types, 2249, "record", -1, 2287);
        types.put(2287, new CatalogType(2287, "_record", 'p', (short) -1, 2249, 0));
        pseudo(types, 2278, "void", 4, 0);
        pseudo(types, 2279, "trigger", 4, 0);
        pseudo(types, 2275, "cstring", -2, 1263);
        types.put(1263, new CatalogType(1263, "_cstring", 'b', (short) -1, 2275, 0));
        pseudo(types, 2276, "any", 4, 0);
        pseudo(types, 2277, "anyarray", -1, 0);
        pseudo(types, 2283, "anyelement", 4, 0);
        return types;
    }

    private static void addWithArray(Map<Integer, CatalogType> types, PgType type) {
        // typname is unquoted: the script names the one-byte type "char", pg_type names it char
        String typname = type.name().replace("\"", "");
        types.put(type.oid(), new CatalogType(type.oid(), typname, 'b', type.typlen(), 0, type.arrayOid()));
        if (type.arrayOid() != 0) {
            types.put(type.arrayOid(), new CatalogType(type.arrayOid(), "_" + typname, 'b', (short) -1,
                    type.oid(), 0));
        }
    }

    private static void pseudo(Map<Integer, CatalogType> types, int oid, String name, int typlen, int arrayOid) {
        types.put(oid, new CatalogType(oid, name, 'p', (short) typlen, 0, arrayOid));
    }

    static CatalogType byOid(long oid) {
        return oid > Integer.MAX_VALUE ? null : BY_OID.get((int) oid);
    }

    static CatalogType byName(String name) {
        for (CatalogType type : BY_OID.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Base and pseudo types first, then arrays (the order Npgsql needs: elements before arrays). */
    static List<CatalogType> all() {
        List<CatalogType> ordered = new ArrayList<>();
        Collection<CatalogType> types = BY_OID.values();
        types.stream().filter(type -> !type.isArray()).forEach(ordered::add);
        types.stream().filter(CatalogType::isArray).forEach(ordered::add);
        return ordered;
    }

    /** Namespace names a schema check finds. */
    static boolean namespaceExists(String name) {
        return "pg_catalog".equals(name) || "public".equals(name) || "information_schema".equals(name);
    }
}
