package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/** The select list of a catalog query, read item by item. */
final class CatalogSelect {
    enum Kind { COLUMN, IS_ARRAY, ON_PATH, TRUE, BOOL_EXPR, COUNT, STAR }

    /**
     * One select item.
     *
     * @param name      output column name
     * @param typeName  PostgreSQL type of the output
     * @param qualifier table alias of a column reference ("" if none)
     * @param column    the referenced catalog column (COLUMN items)
     * @param kind      what the item computes
     */
    record Item(String name, String typeName, String qualifier, String column, Kind kind) {
    }

    private CatalogSelect() {
    }

    /** The items between SELECT and the top-level FROM, or null if one is not understood. */
    static List<Item> items(List<SqlToken> tokens) {
        List<Item> items = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (depth == 0 && token.is("from")) {
                break;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && token.isSymbol(",")) {
                items.add(item(current));
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        items.add(item(current));
        return items.contains(null) ? null : items;
    }

    private static Item item(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        String alias = null;
        int end = tokens.size();
        if (end >= 2 && tokens.get(end - 2).is("as") && tokens.get(end - 1).isIdentifier()) {
            alias = tokens.get(end - 1).text();
            end -= 2;
        }
        String cast = null;
        if (end >= 2 && tokens.get(end - 2).isSymbol("::") && tokens.get(end - 1).isIdentifier()) {
            cast = tokens.get(end - 1).text();
            end -= 2;
        }
        List<SqlToken> expr = tokens.subList(0, end);
        Item item = expression(expr);
        if (item == null) {
            return null;
        }
        String type = cast != null && !cast.equals("regproc") ? cast : item.typeName();
        return new Item(alias != null ? alias : item.name(), type, item.qualifier(), item.column(), item.kind());
    }

    private static Item expression(List<SqlToken> expr) {
        if (expr.size() == 1 && expr.get(0).isSymbol("*")) {
            return new Item("*", "text", "", "*", Kind.STAR);
        }
        if (expr.size() == 1 && expr.get(0).is("true")) {
            return new Item("bool", "bool", "", null, Kind.TRUE);
        }
        if (!expr.isEmpty() && expr.get(0).is("count")) {
            return new Item("count", "int8", "", null, Kind.COUNT);
        }
        if (expr.size() == 1 && expr.get(0).isIdentifier()) {
            String column = expr.get(0).text();
            return new Item(column, CatalogColumns.typeOf(column), "", column, Kind.COLUMN);
        }
        if (expr.size() == 3 && expr.get(0).isIdentifier() && expr.get(1).isSymbol(".") && expr.get(2).isIdentifier()) {
            String column = expr.get(2).text();
            return new Item(column, CatalogColumns.typeOf(column), expr.get(0).text(), column, Kind.COLUMN);
        }
        for (SqlToken token : expr) {
            if (token.kind() == SqlToken.Kind.STRING && token.text().endsWith("array_in")) {
                return new Item("?column?", "bool", "", null, Kind.IS_ARRAY);
            }
            if (token.is("current_schemas")) {
                return new Item("?column?", "bool", "", null, Kind.ON_PATH);
            }
        }
        for (SqlToken token : expr) {
            if (token.isSymbol("=") || token.is("or") || token.is("and") || token.is("like") || token.is("is")
                    || token.is("not") || token.isSymbol("<>")) {
                return new Item("?column?", "bool", "", null, Kind.BOOL_EXPR);
            }
        }
        return null;
    }

    /** Natural parameter types: oid for {@code oid = $n}, name for names, else text. */
    static Map<Integer, Integer> paramTypes(List<SqlToken> tokens) {
        Map<Integer, Integer> types = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() != SqlToken.Kind.PARAM) {
                continue;
            }
            SqlToken column = i >= 2 && tokens.get(i - 1).isSymbol("=") ? tokens.get(i - 2) : null;
            int oid = Types.TEXT_OID;
            if (column != null && column.kind() == SqlToken.Kind.WORD) {
                oid = switch (column.text()) {
                    case "oid", "typelem", "typarray" -> Types.OID_OID;
                    case "typname", "nspname", "relname" -> Types.NAME_OID;
                    default -> Types.TEXT_OID;
                };
            }
            types.putIfAbsent(token.paramNumber(), oid);
        }
        return types;
    }
}
