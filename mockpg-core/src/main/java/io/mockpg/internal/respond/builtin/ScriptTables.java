package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables a script's rules use, for ORMs that read a table's columns and primary key from the
 * catalog before they query it (ActiveRecord). A script has no schema of its own, so the tables
 * are the ones its {@code match.sql} statements name after FROM, JOIN, INTO or UPDATE, and their
 * columns, in this order of trust:
 * <ol>
 *   <li>{@code SELECT * FROM t} or {@code SELECT t.* FROM t}: the columns of the rule's answer,
 *       which are the table's, in order and with their types;</li>
 *   <li>the columns of an {@code INSERT INTO t (…) … RETURNING …} and the ones written
 *       {@code t.column}: a returned column with its answer's type, another with its
 *       {@code param_types} entry, else the type of its {@code params} value (a whole number
 *       bigint, another number numeric, a boolean boolean, anything else text).</li>
 * </ol>
 * The primary key is the column {@code id}, ActiveRecord's convention, when there is one.
 */
final class ScriptTables {
    /** A column and how sure the script is of its type (0 guessed from a value … 2 answered). */
    record Column(String name, PgType type, int certainty) {
    }

    /** A table: schema, name and its columns in order. */
    record Table(String schema, String name, List<Column> columns) {
        /** The primary key column, or null. */
        Column primaryKey() {
            return columns.stream().filter(column -> column.name().equals("id")).findFirst().orElse(null);
        }
    }

    private static final int ANSWERED = 2;
    private static final int DECLARED = 1;
    private static final int GUESSED = 0;
    private static final Set<String> AFTER_TABLE = Set.of("where", "order", "limit", "offset", "for", "group",
            "fetch", "having", "window", "union", "except", "intersect");

    private ScriptTables() {
    }

    /** The tables by qualified name ({@code public.book}), in the order the rules name them. */
    static Map<String, Table> declared(List<Rule> rules) {
        Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
        Map<String, Boolean> complete = new LinkedHashMap<>();
        for (Rule rule : rules) {
            String sql = rule.match() == null ? null : rule.match().sql();
            if (sql != null) {
                read(rule, tokens(sql), tables, complete);
            }
        }
        Map<String, Table> result = new LinkedHashMap<>();
        tables.forEach((qualified, columns) -> {
            int dot = qualified.indexOf('.');
            result.put(qualified, new Table(qualified.substring(0, dot), qualified.substring(dot + 1),
                    List.copyOf(columns.values())));
        });
        return result;
    }

    /** The table named by a qualified name as a regclass literal reads it ({@code "book"}, {@code public.book}). */
    static Table find(List<Rule> rules, String schema, String name) {
        return declared(rules).get(schema + "." + name);
    }

    private static void read(Rule rule, List<SqlToken> tokens, Map<String, Map<String, Column>> tables,
                             Map<String, Boolean> complete) {
        List<String> named = new ArrayList<>();
        ArrayDeque<Boolean> inCall = new ArrayDeque<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken before = tokens.get(i);
            if (before.isSymbol("(")) {
                // EXTRACT(YEAR FROM x), SUBSTRING(s FROM 2): a function's FROM names no table; a subquery's does
                inCall.push(i > 0 && tokens.get(i - 1).isIdentifier() && !tokens.get(i + 1).is("select"));
            } else if (before.isSymbol(")") && !inCall.isEmpty()) {
                inCall.pop();
            }
            boolean relation = !inCall.contains(Boolean.TRUE) && !(before.is("from") && i > 0
                    && tokens.get(i - 1).is("distinct"));
            if (relation && (before.is("from") || before.is("join") || before.is("into") || before.is("update"))) {
                String table = qualifiedName(tokens, i + 1);
                if (table != null && !isCatalog(table)) {
                    tables.computeIfAbsent(table, key -> new LinkedHashMap<>());
                    named.add(table);
                }
            }
        }
        if (named.isEmpty()) {
            return;
        }
        Response answer = rule.responses().stream().filter(response -> response.columns() != null).findFirst()
                .orElse(null);
        String star = starTable(tokens);
        if (star != null && answer != null && !complete.getOrDefault(star, false)) {
            Map<String, Column> columns = tables.get(star);
            Map<String, Column> known = new LinkedHashMap<>(columns);
            columns.clear();
            for (Response.Column column : answer.columns()) {
                PgType type = PgTypes.byName(column.type());
                columns.put(column.name(), new Column(column.name(), type == null ? PgTypes.TEXT : type, ANSWERED));
            }
            known.forEach(columns::putIfAbsent);
            complete.put(star, true);
        }
        insertColumns(rule, tokens, answer, tables);
        qualifiedColumns(rule, tokens, tables, named);
    }

    /** {@code SELECT * FROM t …} or {@code SELECT t.* FROM t …}: t; else null. */
    private static String starTable(List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens, 0);
        if (!cursor.accept("select")) {
            return null;
        }
        String qualifier = null;
        if (!cursor.acceptSymbol("*")) {
            SqlToken word = cursor.next();
            if (word == null || !word.isIdentifier() || !cursor.acceptSymbol(".") || !cursor.acceptSymbol("*")) {
                return null;
            }
            qualifier = word.text();
        }
        if (!cursor.accept("from")) {
            return null;
        }
        int at = cursor.position();
        String table = qualifiedName(tokens, at);
        int after = afterName(tokens, at);
        SqlToken next = after < tokens.size() ? tokens.get(after) : null;
        boolean alone = next == null || next.kind() == SqlToken.Kind.WORD && AFTER_TABLE.contains(next.text());
        boolean sameTable = qualifier == null || table != null && table.endsWith("." + qualifier);
        return table != null && alone && sameTable && !isCatalog(table) ? table : null;
    }

    /** {@code INSERT INTO t (c, …) VALUES (v, …) [RETURNING r, …]}. */
    private static void insertColumns(Rule rule, List<SqlToken> tokens, Response answer,
                                      Map<String, Map<String, Column>> tables) {
        TokenCursor cursor = new TokenCursor(tokens, 0);
        if (!cursor.accept("insert") || !cursor.accept("into")) {
            return;
        }
        String table = qualifiedName(tokens, cursor.position());
        if (table == null || isCatalog(table)) {
            return;
        }
        cursor = new TokenCursor(tokens, afterName(tokens, cursor.position()));
        if (!cursor.acceptSymbol("(")) {
            return;
        }
        List<String> names = new ArrayList<>();
        do {
            SqlToken name = cursor.next();
            if (name == null || !name.isIdentifier()) {
                return;
            }
            names.add(name.text());
        } while (cursor.acceptSymbol(","));
        if (!cursor.acceptSymbol(")")) {
            return;
        }
        Map<String, Column> columns = tables.get(table);
        List<SqlToken> values = cursor.accept("values") && cursor.acceptSymbol("(") ? valueTokens(cursor) : List.of();
        for (int i = 0; i < names.size(); i++) {
            SqlToken value = i < values.size() ? values.get(i) : null;
            merge(columns, valueColumn(rule, names.get(i), value));
        }
        int returning = PgTypeQuery.indexOfWord(tokens, "returning", cursor.position());
        if (returning < 0 || answer == null) {
            return;
        }
        for (Response.Column column : answer.columns()) {
            PgType type = PgTypes.byName(column.type());
            merge(columns, new Column(column.name(), type == null ? PgTypes.TEXT : type, ANSWERED));
        }
    }

    /** The first token of each value of a VALUES row (a placeholder or a literal), the '(' consumed. */
    private static List<SqlToken> valueTokens(TokenCursor cursor) {
        List<SqlToken> values = new ArrayList<>();
        int depth = 0;
        boolean first = true;
        while (!cursor.atEnd()) {
            SqlToken token = cursor.next();
            if (depth == 0 && token.isSymbol(")")) {
                break;
            }
            if (first) {
                values.add(token);
                first = false;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isSymbol(",")) {
                first = true;
            }
        }
        return values;
    }

    /** Columns written {@code t.column} (not {@code t.*}), typed by a placeholder compared with them. */
    private static void qualifiedColumns(Rule rule, List<SqlToken> tokens, Map<String, Map<String, Column>> tables,
                                         List<String> named) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            SqlToken qualifier = tokens.get(i);
            SqlToken column = tokens.get(i + 2);
            boolean reference = qualifier.isIdentifier() && tokens.get(i + 1).isSymbol(".") && column.isIdentifier()
                    && (i + 3 >= tokens.size() || !tokens.get(i + 3).isSymbol(".") && !tokens.get(i + 3).isSymbol("("))
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."));
            if (!reference) {
                continue;
            }
            String table = named.stream().filter(name -> name.endsWith("." + qualifier.text())).findFirst()
                    .orElse(null);
            if (table == null) {
                continue;
            }
            SqlToken compared = i + 4 < tokens.size() && tokens.get(i + 3).isSymbol("=") ? tokens.get(i + 4) : null;
            merge(tables.get(table), valueColumn(rule, column.text(), compared));
        }
    }

    /** A column typed by the value written for it: a placeholder's declared or matched parameter, or a literal. */
    private static Column valueColumn(Rule rule, String name, SqlToken value) {
        if (value == null) {
            return new Column(name, PgTypes.TEXT, GUESSED - 1);
        }
        return switch (value.kind()) {
            case PARAM -> parameterColumn(rule, name, value.paramNumber() - 1);
            case NUMBER -> new Column(name, value.text().matches("\\d+") ? PgTypes.INT8 : PgTypes.NUMERIC, GUESSED);
            case STRING -> new Column(name, PgTypes.TEXT, GUESSED);
            case WORD -> value.is("true") || value.is("false") ? new Column(name, PgTypes.BOOL, GUESSED)
                    : new Column(name, PgTypes.TEXT, GUESSED - 1);
            default -> new Column(name, PgTypes.TEXT, GUESSED - 1);
        };
    }

    private static Column parameterColumn(Rule rule, String name, int index) {
        List<String> declared = rule.match().paramTypes();
        PgType type = declared != null && index < declared.size() ? PgTypes.byName(declared.get(index)) : null;
        if (type != null) {
            return new Column(name, type, DECLARED);
        }
        List<ParamMatcher> params = rule.match().params();
        ParamMatcher param = params != null && index < params.size() ? params.get(index) : null;
        if (param instanceof ParamMatcher.NumberEquals number) {
            boolean whole = number.number().stripTrailingZeros().scale() <= 0;
            return new Column(name, whole && fitsLong(number.number()) ? PgTypes.INT8 : PgTypes.NUMERIC, GUESSED);
        }
        if (param instanceof ParamMatcher.BooleanEquals) {
            return new Column(name, PgTypes.BOOL, GUESSED);
        }
        return new Column(name, PgTypes.TEXT, param instanceof ParamMatcher.Equals ? GUESSED : GUESSED - 1);
    }

    private static boolean fitsLong(BigDecimal number) {
        return number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    /** Adds a column, or retypes a known one when this one is surer of its type. */
    private static void merge(Map<String, Column> columns, Column column) {
        Column known = columns.get(column.name());
        if (known == null || known.certainty() < column.certainty()) {
            columns.put(column.name(), column);
        }
    }

    /** {@code name} or {@code schema.name} at this index, as {@code schema.name} (public when unqualified); or null. */
    static String qualifiedName(List<SqlToken> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).isIdentifier() || isKeyword(tokens.get(at))) {
            return null;
        }
        if (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".") && tokens.get(at + 2).isIdentifier()) {
            return tokens.get(at).text() + "." + tokens.get(at + 2).text();
        }
        if (at + 1 < tokens.size() && tokens.get(at + 1).isSymbol("(") && !tokens.get(at - 1).is("into")) {
            return null; // a function in FROM
        }
        return "public." + tokens.get(at).text();
    }

    /** The index after the (possibly qualified) name at this index. */
    private static int afterName(List<SqlToken> tokens, int at) {
        return at + (at + 1 < tokens.size() && tokens.get(at + 1).isSymbol(".") ? 3 : 1);
    }

    /** FROM/INTO followed by a keyword, not a table: {@code FROM (SELECT …)}, {@code FROM ONLY t}, {@code FROM LATERAL …}. */
    private static boolean isKeyword(SqlToken token) {
        return token.is("only") || token.is("lateral") || token.is("select") || token.is("unnest");
    }

    private static boolean isCatalog(String qualified) {
        return qualified.startsWith("pg_catalog.") || qualified.startsWith("information_schema.")
                || qualified.startsWith("public.pg_");
    }

    private static List<SqlToken> tokens(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken word : SqlStatement.parse(sql).words()) {
            if (!word.isSymbol(";")) {
                tokens.add(word);
            }
        }
        return tokens;
    }
}
