package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.Catalog.CatalogType;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sequelize 6's type loading on every new connection (its postgres connection manager): the
 * base and enum types with the range type over each,
 * {@code WITH ranges AS (SELECT … FROM pg_range LEFT OUTER JOIN pg_type …) SELECT pg_type.typname,
 * pg_type.typtype, pg_type.oid, pg_type.typarray, ranges.rngtypname, ranges.rngtypid,
 * ranges.rngtyparray FROM pg_type LEFT OUTER JOIN ranges … WHERE (pg_type.typtype IN('b', 'e'))}.
 * Answered with the built-in catalog's base types and their arrays, the arrays of PostgreSQL's
 * six built-in range types, and those ranges over their subtypes (a fresh database has no enums).
 * PostgreSQL 15 lists some 300 more base types (system types such as {@code regproc},
 * {@code tid}, the geometric types, the arrays of every catalog relation's row type); no result
 * column of mockpg has those types, so Sequelize needs no parser for them.
 */
final class SequelizeTypes {
    private static final String SHAPE = "with ranges as ( select pg_range . rngtypid , pg_type . typname as rngtypname ,"
            + " pg_type . typarray as rngtyparray , pg_range . rngsubtype from pg_range left outer join pg_type on"
            + " pg_type . oid = pg_range . rngtypid ) select pg_type . typname , pg_type . typtype , pg_type . oid ,"
            + " pg_type . typarray , ranges . rngtypname , ranges . rngtypid , ranges . rngtyparray from pg_type"
            + " left outer join ranges on pg_type . oid = ranges . rngsubtype where ( pg_type . typtype in ( b , e ) )";

    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("typname", Types.of("name")), new ResultColumn("typtype", PgTypes.CHAR),
            new ResultColumn("oid", Types.of("oid")), new ResultColumn("typarray", Types.of("oid")),
            new ResultColumn("rngtypname", Types.of("name")), new ResultColumn("rngtypid", Types.of("oid")),
            new ResultColumn("rngtyparray", Types.of("oid")));

    private SequelizeTypes() {
    }

    static boolean recognizes(List<SqlToken> tokens) {
        return tokens.stream().map(SqlToken::text).collect(Collectors.joining(" ")).equalsIgnoreCase(SHAPE);
    }

    static BuiltinPlan plan() {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogType type : Catalog.all()) {
            if (type.typtype() != 'b') {
                continue;
            }
            Object[] range = Catalog.RANGES.stream().filter(candidate -> candidate.subtypeOid() == type.oid())
                    .findFirst().map(found -> new Object[] {found.name(), (long) found.oid(), (long) found.arrayOid()})
                    .orElse(new Object[3]);
            rows.add(new Object[] {type.name(), String.valueOf(type.typtype()), (long) type.oid(),
                (long) type.arrayOid(), range[0], range[1], range[2]});
        }
        // the range types are 'r', their arrays 'b' like every array
        for (Catalog.RangeType range : Catalog.RANGES) {
            rows.add(new Object[] {"_" + range.name(), "b", (long) range.arrayOid(), 0L, null, null, null});
        }
        List<Object[]> answer = List.copyOf(rows);
        return new BuiltinPlan(COLUMNS, Map.of(), (request, session) -> Answers.select(COLUMNS, answer));
    }
}
