package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.Catalog.CatalogType;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * asyncpg's type introspection ({@code WITH RECURSIVE typeinfo_tree(...) ... WHERE ti.oid =
 * any($1::oid[])}), answered from the built-in catalog. asyncpg has core codecs for the
 * standard scalar types but not for most of their arrays, so a result or parameter of type
 * {@code int4[]} (and any array but {@code text[]}/{@code oid[]}) makes it send this query
 * before the statement runs.
 *
 * <p>The answer has PostgreSQL's columns and one row per requested type plus, one level
 * deeper, its element type; deepest first, as {@code ORDER BY depth DESC} gives.
 */
final class AsyncpgIntrospection {
    private static final int OID_ARRAY_OID = PgTypes.OID.arrayOid();

    /** regtype output of the element types asyncpg may ask about, where it is not the typname. */
    private static final Map<String, String> REGTYPE_NAMES = Map.ofEntries(
            Map.entry("bool", "boolean"), Map.entry("int2", "smallint"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("varchar", "character varying"), Map.entry("bpchar", "character"),
            Map.entry("time", "time without time zone"), Map.entry("timetz", "time with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("varbit", "bit varying"),
            Map.entry("char", "\"char\""));

    private static final List<ResultColumn> COLUMNS = List.of(
            column("oid", "oid"), column("ns", "name"), column("name", "name"), column("kind", "char"),
            column("basetype", "oid"), column("elemtype", "oid"), column("elemdelim", "char"),
            column("range_subtype", "oid"), column("attrtypoids", "oid[]"), column("attrnames", "text[]"),
            column("depth", "int4"), column("basetype_name", "text"), column("elemtype_name", "text"),
            column("range_subtype_name", "text"));

    private AsyncpgIntrospection() {
    }

    /** True for the statement asyncpg sends to introspect types. */
    static boolean recognizes(List<SqlToken> tokens) {
        return tokens.stream().anyMatch(token -> token.is("typeinfo_tree"));
    }

    static BuiltinPlan plan() {
        return new BuiltinPlan(COLUMNS, Map.of(1, OID_ARRAY_OID), (request, session) -> {
            Arg oids = Arg.param(1);
            return Answers.select(COLUMNS, rows(parseOids(oids.resolve(request))));
        });
    }

    static List<Object[]> rows(List<Long> requested) {
        Map<Integer, Integer> depthByOid = new LinkedHashMap<>();
        for (Long oid : requested) {
            CatalogType type = Catalog.byOid(oid);
            if (type != null) {
                depthByOid.putIfAbsent(type.oid(), 0);
                if (type.isArray()) {
                    depthByOid.putIfAbsent(type.elemOid(), 1);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int depth = 1; depth >= 0; depth--) {
            for (Map.Entry<Integer, Integer> entry : depthByOid.entrySet()) {
                if (entry.getValue() == depth) {
                    rows.add(row(Catalog.byOid(entry.getKey()), depth));
                }
            }
        }
        return rows;
    }

    private static Object[] row(CatalogType type, int depth) {
        CatalogType element = type.isArray() ? Catalog.byOid(type.elemOid()) : null;
        return new Object[] {
            (long) type.oid(), "pg_catalog", type.name(), String.valueOf(type.typtype()), null,
            (long) type.elemOid(), element != null ? "," : null, null, null, null, depth, null,
            element != null ? regtype(element.name()) : "-", null,
        };
    }

    /** What {@code oid::regtype::text} prints for a catalog type name. */
    static String regtype(String typname) {
        return REGTYPE_NAMES.getOrDefault(typname, typname);
    }

    /** The text form of an oid[] parameter, e.g. {@code {1007,3807}}. */
    static List<Long> parseOids(String text) {
        List<Long> oids = new ArrayList<>();
        if (text == null) {
            return oids;
        }
        String body = text.trim();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        for (String part : body.split(",")) {
            String value = part.trim();
            if (!value.isEmpty() && !value.equalsIgnoreCase("NULL")) {
                oids.add(Long.parseLong(value));
            }
        }
        return oids;
    }

    private static ResultColumn column(String name, String type) {
        return new ResultColumn(name, Types.of(type));
    }
}
