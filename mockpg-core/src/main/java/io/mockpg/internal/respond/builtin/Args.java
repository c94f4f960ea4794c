package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/** Reads simple values: a literal or a placeholder, optionally cast and in parentheses. */
final class Args {
    private Args() {
    }

    /** One value, e.g. {@code 42}, {@code -1}, {@code 'x'}, {@code $1}, {@code ('7'::int4)}; null if none. */
    static Arg value(TokenCursor cursor) {
        if (cursor.acceptSymbol("(")) {
            Arg inner = value(cursor);
            return inner != null && cursor.acceptSymbol(")") ? inner : null;
        }
        SqlToken token = cursor.next();
        if (token == null) {
            return null;
        }
        Arg arg;
        if (token.isSymbol("-") || token.isSymbol("+")) {
            SqlToken number = cursor.next();
            if (number == null || number.kind() != SqlToken.Kind.NUMBER) {
                return null;
            }
            arg = Arg.literal((token.isSymbol("-") ? "-" : "") + number.text());
        } else {
            arg = switch (token.kind()) {
                case STRING, NUMBER -> Arg.literal(token.text());
                case PARAM -> Arg.param(token.paramNumber());
                case WORD -> switch (token.text()) {
                    case "true", "false" -> Arg.literal(token.text());
                    case "null" -> Arg.literal(null);
                    default -> null;
                };
                default -> null;
            };
        }
        if (arg != null && cursor.acceptSymbol("::")) {
            return typeName(cursor) == null ? null : arg;
        }
        return arg;
    }

    /** A type name after '::' (one word, optional (n) and []), or null. */
    static String typeName(TokenCursor cursor) {
        SqlToken word = cursor.next();
        if (word == null || !word.isIdentifier()) {
            return null;
        }
        String name = word.text();
        if (cursor.acceptSymbol("(")) {
            while (!cursor.atEnd() && !cursor.acceptSymbol(")")) {
                cursor.next();
            }
        }
        while (cursor.acceptSymbol("[")) {
            if (!cursor.acceptSymbol("]")) {
                return null;
            }
            name += "[]";
        }
        return name;
    }

    /** A parenthesized argument list, the '(' already consumed; null if an argument is not simple. */
    static List<Arg> list(TokenCursor cursor) {
        List<Arg> args = new ArrayList<>();
        if (cursor.acceptSymbol(")")) {
            return args;
        }
        do {
            Arg arg = value(cursor);
            if (arg == null) {
                return null;
            }
            args.add(arg);
        } while (cursor.acceptSymbol(","));
        return cursor.acceptSymbol(")") ? args : null;
    }
}
