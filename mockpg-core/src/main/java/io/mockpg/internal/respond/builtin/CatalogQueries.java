package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.CatalogSelect.Item;
import io.mockpg.internal.respond.builtin.CatalogSelect.Kind;

import io.mockpg.internal.sql.SqlToken;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalog queries drivers and tools send by themselves, recognized by the tables they
 * read and the shape of their select list. Anything else on the catalog gets no built-in
 * answer (the user sees MP001 and can script it).
 */
final class CatalogQueries {
    private CatalogQueries() {
    }

    /** A plan for a SELECT … FROM on the catalog, or null. */
    static BuiltinPlan plan(List<SqlToken> tokens) {
        Set<String> words = tokens.stream().filter(token -> token.kind() == SqlToken.Kind.WORD).map(SqlToken::text)
                .collect(Collectors.toSet());
        if (AsyncpgIntrospection.recognizes(tokens)) {
            return AsyncpgIntrospection.plan();
        }
        if (PostgresJsArrayTypes.recognizes(tokens)) {
            return PostgresJsArrayTypes.plan();
        }
        if (PsycopgTypeInfo.recognizes(tokens)) {
            return PsycopgTypeInfo.plan();
        }
        if (ActiveRecordTypes.recognizes(tokens)) {
            return ActiveRecordTypes.plan(tokens);
        }
        if (Keywords.recognizes(words)) {
            return Keywords.plan(tokens);
        }
        if (words.contains("pg_settings")) {
            return settings(tokens);
        }
        if (tokens.size() > 1 && tokens.get(1).is("exists") && words.contains("pg_class")) {
            return exists(tokens);
        }
        if (words.contains("pg_enum") || words.contains("pg_attribute") && !words.contains("elemtypoid")) {
            return noRows(tokens);
        }
        if (words.contains("pg_type")) {
            return PgTypeQuery.plan(tokens);
        }
        if (words.contains("pg_namespace")) {
            return namespaceCount(tokens);
        }
        return null;
    }

    /** pg_settings by name: the session's value, no row for an unknown setting. */
    private static BuiltinPlan settings(List<SqlToken> tokens) {
        List<Item> items = CatalogSelect.items(tokens);
        int name = PgTypeQuery.indexOfWord(tokens, "name", PgTypeQuery.indexOfWord(tokens, "where", 0));
        TokenCursor cursor = new TokenCursor(tokens, name + 1);
        Arg wanted = name > 0 && cursor.acceptSymbol("=") ? Args.value(cursor) : null;
        if (items == null || wanted == null || items.stream().anyMatch(item -> item.kind() != Kind.COLUMN
                || !(item.column().equals("setting") || item.column().equals("name")))) {
            return null;
        }
        List<ResultColumn> columns = columns(items);
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens), (request, session) -> {
            String setting = wanted.resolve(request);
            String value = setting == null ? null : session.settings().get(setting);
            if (value == null) {
                return Answers.select(columns, List.of());
            }
            Object[] row = items.stream().map(item -> item.column().equals("setting") ? value : setting).toArray();
            return Answers.select(columns, List.<Object[]>of(row));
        });
    }

    /** Flyway's table check {@code SELECT EXISTS (… pg_class …)}: no table exists. */
    private static BuiltinPlan exists(List<SqlToken> tokens) {
        List<ResultColumn> columns = List.of(new ResultColumn("exists", Types.of("bool")));
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens),
                (request, session) -> Answers.select(columns, List.<Object[]>of(new Object[] {false})));
    }

    /** {@code SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?}: 1 for the built-in schemas. */
    private static BuiltinPlan namespaceCount(List<SqlToken> tokens) {
        List<Item> items = CatalogSelect.items(tokens);
        int name = PgTypeQuery.indexOfWord(tokens, "nspname", PgTypeQuery.indexOfWord(tokens, "where", 0));
        TokenCursor cursor = new TokenCursor(tokens, name + 1);
        Arg wanted = name > 0 && cursor.acceptSymbol("=") ? Args.value(cursor) : null;
        if (items == null || items.size() != 1 || items.get(0).kind() != Kind.COUNT || wanted == null) {
            return null;
        }
        List<ResultColumn> columns = columns(items);
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens), (request, session) -> {
            long count = Catalog.namespaceExists(wanted.resolve(request)) ? 1 : 0;
            return Answers.select(columns, List.<Object[]>of(new Object[] {count}));
        });
    }

    /**
     * Queries about tables and their columns, enums and composite types: the mock has none,
     * so the answer is the right columns and no rows (pgjdbc's result-set metadata join,
     * Npgsql's composite and enum loading).
     */
    private static BuiltinPlan noRows(List<SqlToken> tokens) {
        List<Item> items = CatalogSelect.items(tokens);
        if (items == null || items.stream().anyMatch(item -> item.kind() == Kind.STAR || item.kind() == Kind.COUNT)) {
            return null;
        }
        List<ResultColumn> columns = columns(items);
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens),
                (request, session) -> Answers.select(columns, List.of()));
    }

    private static List<ResultColumn> columns(List<Item> items) {
        return items.stream().map(item -> new ResultColumn(item.name(), Types.of(item.typeName()))).toList();
    }
}
