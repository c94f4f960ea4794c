package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.Catalog.CatalogType;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgTypes;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * psycopg 3's {@code TypeInfo.fetch()}, which SQLAlchemy's psycopg dialect sends on every new
 * connection to look for hstore:
 * {@code SELECT typname AS name, oid, typarray AS array_oid, oid::regtype::text AS regtype,
 * typdelim AS delimiter FROM pg_type t WHERE t.oid = to_regtype($1) ORDER BY t.oid}.
 * Answered from the built-in catalog: a standard type's row, and no row for any other name,
 * as a fresh database without extensions answers.
 */
final class PsycopgTypeInfo {
    private static final String SHAPE = "select typname as name , oid , typarray as array_oid , oid :: regtype :: text"
            + " as regtype , typdelim as delimiter from pg_type t where t . oid = to_regtype ( $1 ) order by t . oid";
    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("name", Types.of("name")), new ResultColumn("oid", Types.of("oid")),
            new ResultColumn("array_oid", Types.of("oid")), new ResultColumn("regtype", Types.of("text")),
            new ResultColumn("delimiter", PgTypes.CHAR));

    private PsycopgTypeInfo() {
    }

    static boolean recognizes(List<SqlToken> tokens) {
        return tokens.stream().map(token -> token.kind() == SqlToken.Kind.PARAM ? "$" + token.paramNumber() : token.text())
                .collect(Collectors.joining(" ")).equalsIgnoreCase(SHAPE);
    }

    static BuiltinPlan plan() {
        return new BuiltinPlan(COLUMNS, java.util.Map.of(1, Types.TEXT_OID), (request, session) -> {
            String wanted = request.params().isEmpty() ? null : request.params().get(0);
            CatalogType type = wanted == null ? null : lookUp(wanted.trim());
            if (type == null) {
                return Answers.select(COLUMNS, List.of());
            }
            Object[] row = {type.name(), (long) type.oid(), (long) type.arrayOid(), regtype(type), ","};
            return Answers.select(COLUMNS, List.<Object[]>of(row));
        });
    }

    /** {@code oid::regtype::text}: an array type prints as its element's name with {@code []}. */
    private static String regtype(CatalogType type) {
        if (type.isArray()) {
            return AsyncpgIntrospection.regtype(Catalog.byOid(type.elemOid()).name()) + "[]";
        }
        return AsyncpgIntrospection.regtype(type.name());
    }

    /** As {@code to_regtype}: a type name, its SQL name ("integer") or either with {@code []}. */
    private static CatalogType lookUp(String name) {
        if (name.endsWith("[]")) {
            CatalogType element = lookUp(name.substring(0, name.length() - 2).trim());
            return element == null || element.arrayOid() == 0 ? null : Catalog.byOid(element.arrayOid());
        }
        CatalogType type = Catalog.byName(name);
        if (type != null) {
            return type;
        }
        return Catalog.all().stream().filter(candidate -> !candidate.isArray())
                .filter(candidate -> Objects.equals(AsyncpgIntrospection.regtype(candidate.name()), name))
                .findFirst().orElse(null);
    }
}
