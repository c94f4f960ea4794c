package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.respond.builtin.Catalog.CatalogType;
import io.mockpg.internal.respond.builtin.CatalogSelect.Item;
import io.mockpg.internal.respond.builtin.CatalogSelect.Kind;

import io.mockpg.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Queries on pg_type answered from the built-in catalog, recognized by shape: the select
 * list names pg_type columns (of the type itself, its element {@code e} or its array
 * {@code arr}), and the WHERE clause picks types by oid, by name, by a list of names, or as
 * the array of a named type. Covers pgjdbc's TypeInfoCache, pgx's LoadType, r2dbc's
 * extension probe, pgjdbc's getMaxNameLength and Npgsql's type loading.
 */
final class PgTypeQuery {
    private static final Set<String> OTHER_TABLE_ALIASES = Set.of("n", "ns", "e", "arr", "sp", "elemtyp");

    private PgTypeQuery() {
    }

    static BuiltinPlan plan(List<SqlToken> tokens) {
        List<Item> items = CatalogSelect.items(tokens);
        if (items == null) {
            return null;
        }
        boolean npgsqlTypeLoading = items.stream().anyMatch(item -> "elemtypoid".equals(item.column()));
        Function<StatementRequest, List<CatalogType>> filter = npgsqlTypeLoading
                ? request -> npgsqlTypes() : filter(tokens);
        if (filter == null) {
            return null;
        }
        List<Item> expanded = expandStar(items);
        if (expanded.stream().anyMatch(item -> item.kind() == Kind.COUNT || item.kind() == Kind.COLUMN
                && !CatalogColumns.isKnown(item.column()))) {
            return null;
        }
        List<ResultColumn> columns = expanded.stream()
                .map(item -> new ResultColumn(item.name(), Types.of(item.typeName()))).toList();
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens), (request, session) -> {
            List<Object[]> rows = new ArrayList<>();
            for (CatalogType type : filter.apply(request)) {
                rows.add(row(expanded, type, npgsqlTypeLoading));
            }
            return Answers.select(columns, rows);
        });
    }

    private static List<Item> expandStar(List<Item> items) {
        List<Item> expanded = new ArrayList<>();
        for (Item item : items) {
            if (item.kind() == Kind.STAR) {
                for (String column : CatalogColumns.PG_TYPE_STAR) {
                    expanded.add(new Item(column, CatalogColumns.typeOf(column), "", column, Kind.COLUMN));
                }
            } else {
                expanded.add(item);
            }
        }
        return expanded;
    }

    private static Object[] row(List<Item> items, CatalogType type, boolean arraysAsTyptypeA) {
        Object[] row = new Object[items.size()];
        for (int i = 0; i < row.length; i++) {
            Item item = items.get(i);
            Object value = switch (item.kind()) {
                case IS_ARRAY -> type.isArray();
                case ON_PATH, TRUE, BOOL_EXPR -> true;
                default -> CatalogColumns.value(item.column(), related(item.qualifier(), type));
            };
            if (arraysAsTyptypeA && "typtype".equals(item.column()) && type.isArray()) {
                value = "a";
            }
            row[i] = value != null && item.typeName().equals("text") && !(value instanceof String)
                    ? String.valueOf(value) : value;
        }
        return row;
    }

    /** The type a qualified column refers to: {@code e} the element, {@code arr} the array type. */
    private static CatalogType related(String qualifier, CatalogType type) {
        return switch (qualifier) {
            case "e" -> Catalog.byOid(type.elemOid());
            case "arr" -> Catalog.byOid(type.arrayOid());
            default -> type;
        };
    }

    /** What Npgsql loads: base types, the pseudo types it supports, and arrays of those. */
    private static List<CatalogType> npgsqlTypes() {
        Set<String> pseudo = Set.of("unknown", "record", "void");
        List<CatalogType> types = new ArrayList<>();
        for (CatalogType type : Catalog.all()) {
            CatalogType element = type.isArray() ? Catalog.byOid(type.elemOid()) : type;
            if (element != null && (element.typtype() == 'b' || pseudo.contains(element.name()))) {
                types.add(type);
            }
        }
        return types;
    }

    /** The WHERE clause's choice of types, or null when it is not one we understand. */
    private static Function<StatementRequest, List<CatalogType>> filter(List<SqlToken> tokens) {
        int where = indexOfWord(tokens, "where", 0);
        if (where < 0) {
            return null;
        }
        for (int i = where; i + 2 < tokens.size(); i++) {
            SqlToken column = tokens.get(i);
            if (column.kind() != SqlToken.Kind.WORD || qualifiedByOtherTable(tokens, i)) {
                continue;
            }
            TokenCursor cursor = new TokenCursor(tokens, i + 1);
            if (column.is("typelem") && cursor.acceptSymbol("=") && cursor.acceptSymbol("(")
                    && cursor.acceptAll("select", "oid")) {
                int name = indexOfWord(tokens, "typname", cursor.position());
                Arg element = name < 0 ? null : valueAfterEquals(tokens, name);
                return element == null ? null : request -> arrayOf(Catalog.byName(element.resolve(request)));
            }
            if ((column.is("oid") || column.is("typname")) && cursor.acceptSymbol("=")) {
                Arg value = Args.value(cursor);
                if (value == null) {
                    return null;
                }
                return column.is("oid") ? request -> listOf(Catalog.byOid(parseOid(value.resolve(request))))
                        : request -> listOf(Catalog.byName(value.resolve(request)));
            }
            if (column.is("typname") && cursor.accept("in") && cursor.acceptSymbol("(")) {
                List<Arg> names = Args.list(cursor);
                return names == null ? null : request -> names.stream()
                        .map(name -> Catalog.byName(name.resolve(request))).filter(type -> type != null).toList();
            }
        }
        return null;
    }

    private static boolean qualifiedByOtherTable(List<SqlToken> tokens, int index) {
        return index >= 2 && tokens.get(index - 1).isSymbol(".")
                && OTHER_TABLE_ALIASES.contains(tokens.get(index - 2).text());
    }

    private static Arg valueAfterEquals(List<SqlToken> tokens, int column) {
        TokenCursor cursor = new TokenCursor(tokens, column + 1);
        return cursor.acceptSymbol("=") ? Args.value(cursor) : null;
    }

    /** The index of the word at or after {@code from}, or -1 (also when {@code from} is -1). */
    static int indexOfWord(List<SqlToken> tokens, String word, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static long parseOid(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException notAnOid) {
            return -1;
        }
    }

    private static List<CatalogType> listOf(CatalogType type) {
        return type == null ? List.of() : List.of(type);
    }

    private static List<CatalogType> arrayOf(CatalogType element) {
        return element == null ? List.of() : listOf(Catalog.byOid(element.arrayOid()));
    }
}
