package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SELECT without FROM whose items are constants and server functions: liveness checks
 * ({@code SELECT 1}), version(), current_user, set_config, advisory locks, pg_sleep, ...
 */
final class SelectList {
    /** Words that end an expression, so they cannot be a bare column alias. */
    private static final Set<String> RESERVED = Set.of("from", "where", "group", "having", "order", "limit",
            "offset", "union", "intersect", "except", "into", "for", "window", "fetch");

    private SelectList() {
    }

    /** The plan for {@code SELECT items}, or null when an item is not one we can compute. */
    static BuiltinPlan plan(List<SqlToken> tokens, ServerFacts server) {
        TokenCursor cursor = new TokenCursor(tokens, 1);
        Map<Integer, Integer> paramTypes = new HashMap<>();
        List<Expr> items = new ArrayList<>();
        do {
            Expr item = expression(cursor, paramTypes);
            if (item == null) {
                return null;
            }
            String alias = alias(cursor);
            items.add(alias == null ? item : item.named(alias));
        } while (cursor.acceptSymbol(","));
        if (!cursor.atEnd()) {
            return null;
        }
        List<ResultColumn> columns = items.stream().map(item -> new ResultColumn(item.name(), item.type())).toList();
        return new BuiltinPlan(columns, paramTypes, (request, session) -> {
            Expr.Context context = new Expr.Context(request, session, server);
            Object[] row = new Object[items.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = items.get(i).value().evaluate(context);
            }
            Result rows = Answers.rows(columns, List.<Object[]>of(row));
            return Answers.full(rows, context.delay, context.afterSend, context.changes);
        });
    }

    private static String alias(TokenCursor cursor) {
        SqlToken next = cursor.peek();
        if (next == null) {
            return null;
        }
        if (next.is("as")) {
            cursor.next();
            SqlToken alias = cursor.next();
            return alias != null && alias.isIdentifier() ? alias.text() : null;
        }
        if (next.kind() == SqlToken.Kind.QUOTED_IDENT || (next.kind() == SqlToken.Kind.WORD && !RESERVED.contains(next.text()))) {
            cursor.next();
            return next.text();
        }
        return null;
    }

    private static Expr expression(TokenCursor cursor, Map<Integer, Integer> paramTypes) {
        Expr expr = primary(cursor, paramTypes);
        while (expr != null && cursor.acceptSymbol("::")) {
            String typeName = Args.typeName(cursor);
            PgType type = typeName == null ? null : PgTypes.byName(typeName);
            expr = type == null ? null : expr.cast(type);
        }
        return expr;
    }

    private static Expr primary(TokenCursor cursor, Map<Integer, Integer> paramTypes) {
        SqlToken token = cursor.next();
        if (token == null) {
            return null;
        }
        if (token.isSymbol("(")) {
            Expr inner = expression(cursor, paramTypes);
            return inner != null && cursor.acceptSymbol(")") ? inner : null;
        }
        if ((token.isSymbol("-") || token.isSymbol("+")) && cursor.peek() != null
                && cursor.peek().kind() == SqlToken.Kind.NUMBER) {
            return number((token.isSymbol("-") ? "-" : "") + cursor.next().text());
        }
        return switch (token.kind()) {
            case NUMBER -> number(sum(token.text(), cursor));
            case STRING -> Expr.constant("?column?", Types.of("text"), token.text());
            case WORD -> word(token.text(), cursor, paramTypes);
            default -> null;
        };
    }

    private static Expr word(String word, TokenCursor cursor, Map<Integer, Integer> paramTypes) {
        switch (word) {
            case "true", "false" -> {
                return Expr.constant("?column?", Types.of("bool"), word.equals("true"));
            }
            case "null" -> {
                return Expr.constant("?column?", Types.of("text"), null);
            }
            default -> {
            }
        }
        String function = word;
        if (word.equals("pg_catalog") && cursor.acceptSymbol(".")) {
            SqlToken name = cursor.next();
            if (name == null || name.kind() != SqlToken.Kind.WORD) {
                return null;
            }
            function = name.text();
        }
        if (cursor.acceptSymbol("(")) {
            List<Arg> args = Args.list(cursor);
            return args == null ? null : ServerFunctions.call(function, args, paramTypes);
        }
        return ServerFunctions.KEYWORD_FUNCTIONS.contains(function)
                ? ServerFunctions.call(function, List.of(), paramTypes) : null;
    }

    /**
     * An integer literal plus the integer literals added to it, folded: Sequelize checks a
     * connection with {@code SELECT 1+1 AS result}.
     */
    private static String sum(String first, TokenCursor cursor) {
        if (!first.matches("\\d+")) {
            return first;
        }
        BigInteger total = new BigInteger(first);
        while (cursor.peek() != null && cursor.peek().isSymbol("+") && cursor.peek(1) != null
                && cursor.peek(1).kind() == SqlToken.Kind.NUMBER && cursor.peek(1).text().matches("\\d+")) {
            cursor.next();
            total = total.add(new BigInteger(cursor.next().text()));
        }
        return total.toString();
    }

    /** int4 if it fits, else int8, else numeric (also for decimals), as PostgreSQL types literals. */
    private static Expr number(String text) {
        if (text.matches("-?\\d+")) {
            BigDecimal value = new BigDecimal(text);
            if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return Expr.constant("?column?", Types.of("int4"), value.intValue());
            }
            if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                    && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return Expr.constant("?column?", Types.of("int8"), value.longValue());
            }
        }
        try {
            return Expr.constant("?column?", Types.of("numeric"), new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
