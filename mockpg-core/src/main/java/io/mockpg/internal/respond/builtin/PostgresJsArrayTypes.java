package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.Catalog.CatalogType;

import io.mockpg.internal.sql.SqlToken;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The array-type query of the {@code postgres} package for Node.js (porsager/postgres,
 * {@code fetch_types}, on by default), sent once per connection before the first query:
 * <pre>
 * select b.oid, b.typarray from pg_catalog.pg_type a
 * left join pg_catalog.pg_type b on b.oid = a.typelem
 * where a.typcategory = 'A' group by b.oid, b.typarray order by b.oid
 * </pre>
 * One row per element type that has an array type: (element OID, array OID).
 */
final class PostgresJsArrayTypes {
    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("oid", Types.of("oid")), new ResultColumn("typarray", Types.of("oid")));

    private PostgresJsArrayTypes() {
    }

    /** True for the statement: pg_type by typcategory, grouped by element oid and typarray. */
    static boolean recognizes(List<SqlToken> tokens) {
        return has(tokens, "typcategory") && has(tokens, "typelem") && has(tokens, "typarray")
                && has(tokens, "group");
    }

    static BuiltinPlan plan() {
        return new BuiltinPlan(COLUMNS, Map.of(), (request, session) -> Answers.select(COLUMNS, rows()));
    }

    static List<Object[]> rows() {
        return Catalog.all().stream()
                .filter(type -> !type.isArray() && type.arrayOid() != 0)
                .sorted(Comparator.comparingInt(CatalogType::oid))
                .map(type -> new Object[] {(long) type.oid(), (long) type.arrayOid()})
                .toList();
    }

    private static boolean has(List<SqlToken> tokens, String word) {
        return tokens.stream().anyMatch(token -> token.is(word));
    }
}
