package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.respond.builtin.ScriptTables.Column;
import io.mockpg.internal.respond.builtin.ScriptTables.Table;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * ActiveRecord's schema introspection (its PostgreSQL adapter, before a model's first query or
 * insert), answered with the tables the script's rules use ({@link ScriptTables}):
 * <ul>
 *   <li>the table list {@code SELECT c.relname FROM pg_class c LEFT JOIN pg_namespace n … WHERE
 *       n.nspname = ANY (current_schemas(false)) [AND c.relname = '…'] AND c.relkind IN (…)};</li>
 *   <li>a table's columns {@code SELECT a.attname, format_type(a.atttypid, a.atttypmod), … FROM
 *       pg_attribute a … WHERE a.attrelid = '"book"'::regclass …};</li>
 *   <li>its primary key {@code SELECT a.attname FROM (SELECT indrelid, indkey,
 *       generate_subscripts(indkey, 1) idx FROM pg_index WHERE indrelid = '"book"'::regclass AND
 *       indisprimary) i JOIN pg_attribute a …}.</li>
 * </ul>
 * A table the script does not use gets PostgreSQL's 42P01 {@code relation "…" does not exist},
 * as in a fresh database.
 */
final class TableIntrospection {
    private static final String COLUMNS_SHAPE = "select a . attname , format_type ( a . atttypid , a . atttypmod ) ,"
            + " pg_get_expr ( d . adbin , d . adrelid ) , a . attnotnull , a . atttypid , a . atttypmod , c . collname ,"
            + " col_description ( a . attrelid , a . attnum ) as comment from pg_attribute a left join pg_attrdef d"
            + " on a . attrelid = d . adrelid and a . attnum = d . adnum left join pg_type t on a . atttypid = t . oid"
            + " left join pg_collation c on a . attcollation = c . oid and a . attcollation <> t . typcollation"
            + " where a . attrelid = ? :: regclass and a . attnum > 0 and not a . attisdropped order by a . attnum";
    private static final String PRIMARY_KEY_SHAPE = "select a . attname from ( select indrelid , indkey ,"
            + " generate_subscripts ( indkey , 1 ) idx from pg_index where indrelid = ? :: regclass and indisprimary )"
            + " i join pg_attribute a on a . attrelid = i . indrelid and a . attnum = i . indkey [ i . idx ]"
            + " order by i . idx";
    private static final String TABLES_PREFIX = "select c . relname from pg_class c left join pg_namespace n"
            + " on n . oid = c . relnamespace where n . nspname =";

    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("attname", Types.of("name")), new ResultColumn("format_type", Types.of("text")),
            new ResultColumn("pg_get_expr", Types.of("text")), new ResultColumn("attnotnull", Types.of("bool")),
            new ResultColumn("atttypid", Types.of("oid")), new ResultColumn("atttypmod", Types.of("int4")),
            new ResultColumn("collname", Types.of("name")), new ResultColumn("comment", Types.of("text")));
    private static final List<ResultColumn> ATTNAME = List.of(new ResultColumn("attname", Types.of("name")));
    private static final List<ResultColumn> RELNAME = List.of(new ResultColumn("relname", Types.of("name")));

    private TableIntrospection() {
    }

    /** A plan for one of the three queries, or null. */
    static BuiltinPlan plan(List<SqlToken> tokens, Supplier<List<Rule>> rules) {
        String shape = shape(tokens);
        if (shape.equals(COLUMNS_SHAPE)) {
            Arg relation = placeholder(tokens);
            return new BuiltinPlan(COLUMNS, Map.of(1, Types.TEXT_OID), (request, session) -> {
                Table table = table(rules.get(), relation.resolve(request));
                List<Object[]> rows = new ArrayList<>();
                for (Column column : table.columns()) {
                    rows.add(new Object[] {column.name(), formatType(column.type()), null,
                        column == table.primaryKey(), (long) column.type().oid(), -1, null, null});
                }
                return Answers.select(COLUMNS, rows);
            });
        }
        if (shape.equals(PRIMARY_KEY_SHAPE)) {
            Arg relation = placeholder(tokens);
            return new BuiltinPlan(ATTNAME, Map.of(1, Types.TEXT_OID), (request, session) -> {
                Column key = table(rules.get(), relation.resolve(request)).primaryKey();
                return Answers.select(ATTNAME, key == null ? List.of() : List.<Object[]>of(new Object[] {key.name()}));
            });
        }
        return shape.startsWith(TABLES_PREFIX + " ") ? tables(tokens, rules) : null;
    }

    /** The table list, of one schema or of the search path's, by name or all, of the relation kinds asked for. */
    private static BuiltinPlan tables(List<SqlToken> tokens, Supplier<List<Rule>> rules) {
        TokenCursor cursor = new TokenCursor(tokens, TABLES_PREFIX.split(" ").length);
        Arg schema = null;
        if (!(cursor.accept("any") && cursor.acceptSymbol("(") && cursor.accept("current_schemas")
                && cursor.acceptSymbol("(") && cursor.accept("false") && cursor.acceptSymbol(")")
                && cursor.acceptSymbol(")"))) {
            schema = Args.value(cursor);
            if (schema == null) {
                return null;
            }
        }
        Arg name = null;
        if (!cursor.accept("and")) {
            return null;
        }
        SqlToken column = cursor.peek(2);
        if (column != null && column.is("relname") && cursor.accept("c") && cursor.acceptSymbol(".")
                && cursor.accept("relname")) {
            name = cursor.acceptSymbol("=") ? Args.value(cursor) : null;
            if (name == null || !cursor.accept("and")) {
                return null;
            }
        }
        if (!(cursor.accept("c") && cursor.acceptSymbol(".") && cursor.accept("relkind") && cursor.accept("in")
                && cursor.acceptSymbol("("))) {
            return null;
        }
        List<Arg> kinds = Args.list(cursor);
        if (kinds == null || !cursor.atEnd()) {
            return null;
        }
        boolean tables = kinds.stream().anyMatch(kind -> "r".equals(kind.literal()) || "p".equals(kind.literal()));
        Arg wantedSchema = schema;
        Arg wantedName = name;
        return new BuiltinPlan(RELNAME, CatalogSelect.paramTypes(tokens), (request, session) -> {
            String inSchema = wantedSchema == null ? "public" : wantedSchema.resolve(request);
            String named = wantedName == null ? null : wantedName.resolve(request);
            List<Object[]> rows = new ArrayList<>();
            if (tables) {
                for (Table table : ScriptTables.declared(rules.get()).values()) {
                    if (table.schema().equals(inSchema) && (named == null || table.name().equals(named))) {
                        rows.add(new Object[] {table.name()});
                    }
                }
            }
            return Answers.select(RELNAME, rows);
        });
    }

    /** The tokens as text, the regclass literal or placeholder written {@code ?}. */
    private static String shape(List<SqlToken> tokens) {
        return tokens.stream().map(token -> token.kind() == SqlToken.Kind.STRING || token.kind() == SqlToken.Kind.PARAM
                ? "?" : token.text()).collect(Collectors.joining(" "));
    }

    private static Arg placeholder(List<SqlToken> tokens) {
        for (SqlToken token : tokens) {
            if (token.kind() == SqlToken.Kind.STRING) {
                return Arg.literal(token.text());
            }
            if (token.kind() == SqlToken.Kind.PARAM) {
                return Arg.param(token.paramNumber());
            }
        }
        throw new IllegalStateException("the shape has a placeholder");
    }

    /** The table a regclass text names ({@code "book"}, {@code public.book}), or PostgreSQL's error for it. */
    private static Table table(List<Rule> rules, String regclass) {
        List<String> parts = nameParts(regclass == null ? "" : regclass);
        if (parts == null || parts.isEmpty() || parts.size() > 2) {
            throw new BuiltinError("42602", "invalid name syntax");
        }
        String schema = parts.size() == 2 ? parts.get(0) : "public";
        String name = parts.get(parts.size() - 1);
        Table table = ScriptTables.find(rules, schema, name);
        if (table == null) {
            String written = String.join(".", parts);
            throw new BuiltinError(ErrorFields.error("42P01", "relation \"" + written + "\" does not exist")
                    .withHint("mockpg knows the tables its script's rules use (SELECT * FROM " + name
                            + ", INSERT INTO " + name + " …); no rule uses this one"));
        }
        return table;
    }

    /** Splits a qualified name as regclass input does: quoted parts as written, others folded to lower case. */
    private static List<String> nameParts(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= text.length()) {
                        return null;
                    }
                    if (text.charAt(j) == '"') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(text.charAt(j++));
                }
                i = j + 1;
            } else {
                int j = i;
                while (j < text.length() && text.charAt(j) != '.') {
                    j++;
                }
                part.append(text.substring(i, j).trim().toLowerCase(Locale.ROOT));
                i = j;
            }
            if (part.length() == 0) {
                return null;
            }
            parts.add(part.toString());
            if (i >= text.length()) {
                break;
            }
            if (text.charAt(i) != '.') {
                return null;
            }
            i++;
        }
        return parts;
    }

    /** What {@code format_type(oid, -1)} prints: the SQL name, arrays with {@code []}. */
    static String formatType(PgType type) {
        PgType element = type.elementType();
        if (element != null) {
            return formatType(element) + "[]";
        }
        return AsyncpgIntrospection.regtype(type.name().replace("\"", ""));
    }

    /** True for the queries {@link #plan} may answer: on pg_attribute, pg_index or pg_class with pg_namespace. */
    static boolean mayAnswer(List<SqlToken> tokens) {
        return tokens.stream().anyMatch(token -> token.is("pg_attribute") || token.is("pg_class"));
    }
}
