package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.CatalogSelect.Item;
import io.mockpg.internal.respond.builtin.CatalogSelect.Kind;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.script.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code select * from information_schema.sequences}, which Hibernate 6 reads at start to check
 * the increment of its sequence generators and to place its pooled optimizer: a fresh
 * database's answer, except for the sequences the script hands out values from
 * ({@link ScriptSequences}); a script rule for the query itself overrides both. The columns are the view's, with the base types of its
 * domains as PostgreSQL sends them (sql_identifier → name, character_data and yes_or_no →
 * varchar, cardinal_number → int4).
 */
final class InformationSchemaSequences {
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        for (String name : List.of("sequence_catalog", "sequence_schema", "sequence_name")) {
            COLUMNS.put(name, "name");
        }
        COLUMNS.put("data_type", "varchar");
        for (String name : List.of("numeric_precision", "numeric_precision_radix", "numeric_scale")) {
            COLUMNS.put(name, "int4");
        }
        for (String name : List.of("start_value", "minimum_value", "maximum_value", "increment", "cycle_option")) {
            COLUMNS.put(name, "varchar");
        }
    }

    private InformationSchemaSequences() {
    }

    static boolean recognizes(List<SqlToken> tokens) {
        return tokens.stream().anyMatch(token -> token.is("information_schema"))
                && tokens.stream().anyMatch(token -> token.is("sequences"));
    }

    /** {@code *} or columns of the view, from it alone, unfiltered; null for anything else (joins, counts, WHERE). */
    static BuiltinPlan plan(List<SqlToken> tokens, Supplier<List<Rule>> rules) {
        List<Item> items = CatalogSelect.items(tokens);
        if (items == null || !readsOnlyTheView(tokens)) {
            return null;
        }
        List<String> selected;
        if (items.size() == 1 && items.get(0).kind() == Kind.STAR) {
            selected = List.copyOf(COLUMNS.keySet());
        } else if (items.stream().allMatch(item -> item.kind() == Kind.COLUMN && COLUMNS.containsKey(item.column()))) {
            selected = items.stream().map(Item::column).toList();
        } else {
            return null;
        }
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            String name = items.get(0).kind() == Kind.STAR ? selected.get(i) : items.get(i).name();
            columns.add(new ResultColumn(name, Types.of(COLUMNS.get(selected.get(i)))));
        }
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens), (request, session) -> {
            List<Object[]> rows = new ArrayList<>();
            for (ScriptSequences.Sequence sequence : ScriptSequences.declared(rules.get())) {
                Map<String, Object> row = row(session.info().database(), sequence);
                rows.add(selected.stream().map(row::get).toArray());
            }
            return Answers.select(columns, rows);
        });
    }

    /** A bigint sequence as CREATE SEQUENCE makes it (no cycle, the type's range). */
    private static Map<String, Object> row(String database, ScriptSequences.Sequence sequence) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sequence_catalog", database);
        row.put("sequence_schema", sequence.schema());
        row.put("sequence_name", sequence.name());
        row.put("data_type", "bigint");
        row.put("numeric_precision", 64);
        row.put("numeric_precision_radix", 2);
        row.put("numeric_scale", 0);
        row.put("start_value", Long.toString(sequence.start()));
        boolean ascending = sequence.increment() > 0;
        row.put("minimum_value", ascending ? "1" : Long.toString(Long.MIN_VALUE));
        row.put("maximum_value", ascending ? Long.toString(Long.MAX_VALUE) : "-1");
        row.put("increment", Long.toString(sequence.increment()));
        row.put("cycle_option", "NO");
        return row;
    }

    /** FROM information_schema.sequences and nothing after it. */
    private static boolean readsOnlyTheView(List<SqlToken> tokens) {
        int from = PgTypeQuery.indexOfWord(tokens, "from", 0);
        if (from < 0) {
            return false;
        }
        TokenCursor cursor = new TokenCursor(tokens, from + 1);
        if (!(cursor.accept("information_schema") && cursor.acceptSymbol(".") && cursor.accept("sequences"))) {
            return false;
        }
        return cursor.atEnd();
    }
}
