package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.Catalog.CatalogType;
import io.mockpg.internal.respond.builtin.Catalog.RangeType;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * ActiveRecord's type map load on every new connection (its PostgreSQL adapter's
 * {@code load_additional_types}):
 * {@code SELECT t.oid, t.typname, t.typelem, t.typdelim, t.typinput, r.rngsubtype, t.typtype,
 * t.typbasetype FROM pg_type as t LEFT JOIN pg_range as r ON oid = rngtypid} with either
 * {@code WHERE t.typname IN (…) OR t.typtype IN ('r', 'e', 'd') OR t.typinput =
 * 'array_in(cstring,oid,integer)'::regprocedure OR t.typelem != 0} (the initial load) or
 * {@code WHERE t.oid IN (…)} (a column of a type it has not met). Answered from the built-in
 * catalog and PostgreSQL's six range types and their arrays; a fresh database has no enums or
 * domains of its own.
 */
final class ActiveRecordTypes {
    private static final String PREFIX = "select t . oid , t . typname , t . typelem , t . typdelim , t . typinput ,"
            + " r . rngsubtype , t . typtype , t . typbasetype from pg_type as t left join pg_range as r"
            + " on oid = rngtypid where";
    private static final int PREFIX_LENGTH = PREFIX.split(" ").length;

    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("oid", Types.of("oid")), new ResultColumn("typname", Types.of("name")),
            new ResultColumn("typelem", Types.of("oid")), new ResultColumn("typdelim", PgTypes.CHAR),
            new ResultColumn("typinput", Types.of("text")), new ResultColumn("rngsubtype", Types.of("oid")),
            new ResultColumn("typtype", PgTypes.CHAR), new ResultColumn("typbasetype", Types.of("oid")));

    /** One answered pg_type row. */
    private record Row(long oid, String typname, long typelem, String typdelim, String typinput, Long rngsubtype,
                       String typtype) {
        Object[] values() {
            return new Object[] {oid, typname, typelem, typdelim, typinput, rngsubtype, typtype, 0L};
        }
    }

    private static final List<Row> ROWS = rows();

    private ActiveRecordTypes() {
    }

    static boolean recognizes(List<SqlToken> tokens) {
        return tokens.size() > PREFIX_LENGTH && text(tokens.subList(0, PREFIX_LENGTH)).equalsIgnoreCase(PREFIX);
    }

    /** The plan, or null when the WHERE clause is neither of ActiveRecord's two. */
    static BuiltinPlan plan(List<SqlToken> tokens) {
        Predicate<Row> wanted = condition(tokens.subList(PREFIX_LENGTH, tokens.size()));
        if (wanted == null) {
            return null;
        }
        List<Object[]> answer = ROWS.stream().filter(wanted).map(Row::values).toList();
        return new BuiltinPlan(COLUMNS, Map.of(), (request, session) -> Answers.select(COLUMNS, answer));
    }

    private static Predicate<Row> condition(List<SqlToken> where) {
        TokenCursor cursor = new TokenCursor(where, 0);
        if (column(cursor, "oid") && cursor.accept("in") && cursor.acceptSymbol("(")) {
            Set<String> oids = words(cursor, SqlToken.Kind.NUMBER);
            return oids == null || !cursor.atEnd() ? null : row -> oids.contains(Long.toString(row.oid()));
        }
        cursor = new TokenCursor(where, 0);
        if (!(column(cursor, "typname") && cursor.accept("in") && cursor.acceptSymbol("("))) {
            return null;
        }
        Set<String> names = words(cursor, SqlToken.Kind.STRING);
        if (names == null || !cursor.accept("or") || !column(cursor, "typtype") || !cursor.accept("in")
                || !cursor.acceptSymbol("(")) {
            return null;
        }
        Set<String> kinds = words(cursor, SqlToken.Kind.STRING);
        String rest = text(where.subList(cursor.position(), where.size()));
        if (kinds == null || !rest.equals("or t . typinput = array_in(cstring,oid,integer) :: regprocedure"
                + " or t . typelem <> 0")) {
            return null;
        }
        return row -> names.contains(row.typname()) || kinds.contains(row.typtype())
                || row.typinput().equals("array_in") || row.typelem() != 0;
    }

    /** {@code t.column}. */
    private static boolean column(TokenCursor cursor, String column) {
        return cursor.accept("t") && cursor.acceptSymbol(".") && cursor.accept(column);
    }

    /** A parenthesized list of tokens of one kind, the '(' consumed; null for anything else. */
    private static Set<String> words(TokenCursor cursor, SqlToken.Kind kind) {
        Set<String> values = new HashSet<>();
        do {
            SqlToken token = cursor.next();
            if (token == null || token.kind() != kind) {
                return null;
            }
            values.add(token.text());
        } while (cursor.acceptSymbol(","));
        return cursor.acceptSymbol(")") ? values : null;
    }

    private static String text(List<SqlToken> tokens) {
        return tokens.stream().map(SqlToken::text).collect(Collectors.joining(" "));
    }

    /** Base and pseudo types, then the ranges, then the arrays: the order of PostgreSQL's pg_type. */
    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<CatalogType> all = Catalog.all();
        all.stream().filter(type -> !type.isArray()).forEach(type -> rows.add(row(type)));
        for (RangeType range : Catalog.RANGES) {
            rows.add(new Row(range.oid(), range.name(), 0, ",", "range_in", (long) range.subtypeOid(), "r"));
        }
        all.stream().filter(CatalogType::isArray).forEach(type -> rows.add(row(type)));
        for (RangeType range : Catalog.RANGES) {
            rows.add(new Row(range.arrayOid(), "_" + range.name(), range.oid(), ",", "array_in", null, "b"));
        }
        return List.copyOf(rows);
    }

    private static Row row(CatalogType type) {
        return new Row(type.oid(), type.name(), type.typelem(), type.typdelim(), type.typinput(), null,
                String.valueOf(type.typtype()));
    }
}
