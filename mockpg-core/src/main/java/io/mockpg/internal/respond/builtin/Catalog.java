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

        /** The input function's name, as {@code typinput::text} prints it. */
        String typinput() {
            return isArray() ? "array_in" : TYPINPUT.getOrDefault(name, name + "_in");
        }

        /** pg_type.typelem: an array's element, and for the fixed-length types subscripted as arrays theirs. */
        long typelem() {
            return elemOid != 0 ? elemOid : SUBSCRIPTED.getOrDefault(name, 0);
        }

        /** pg_type.typdelim: ';' for box (whose text form contains commas), ',' for every other type. */
        String typdelim() {
            return name.equals("box") ? ";" : ",";
        }
    }

    /**
     * A built-in range type of PostgreSQL 15's pg_range: its OID, name, subtype and array type
     * (the range types are not in the type registry: no result column has them).
     */
    record RangeType(int oid, String name, int subtypeOid, int arrayOid) {
    }

    /** PostgreSQL 15's range types (not in the type registry: no column takes them); subtypes from PgTypes. */
    static final List<RangeType> RANGES = List.of(
            range(3904, "int4range", "int4", 3905), range(3906, "numrange", "numeric", 3907),
            range(3908, "tsrange", "timestamp", 3909), range(3910, "tstzrange", "timestamptz", 3911),
            range(3912, "daterange", "date", 3913), range(3926, "int8range", "int8", 3927));

    private static RangeType range(int oid, String name, String subtype, int arrayOid) {
        return new RangeType(oid, name, PgTypes.byName(subtype).oid(), arrayOid);
    }

    /** Input functions whose names are not {@code typname_in} (PostgreSQL 15's pg_type). */
    private static final Map<String, String> TYPINPUT = Map.ofEntries(
            Map.entry("bool", "boolin"), Map.entry("bytea", "byteain"), Map.entry("char", "charin"),
            Map.entry("name", "namein"), Map.entry("int8", "int8in"), Map.entry("int2", "int2in"),
            Map.entry("int4", "int4in"), Map.entry("text", "textin"), Map.entry("oid", "oidin"),
            Map.entry("float4", "float4in"), Map.entry("float8", "float8in"), Map.entry("unknown", "unknownin"),
            Map.entry("money", "cash_in"), Map.entry("bpchar", "bpcharin"), Map.entry("varchar", "varcharin"),
            Map.entry("refcursor", "textin"));

    /** Non-array types with a typelem: name is subscripted as char[], point as float8[], box as point[]. */
    private static final Map<String, Integer> SUBSCRIPTED = Map.of("name", 18, "point", 701, "box", 600);

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
