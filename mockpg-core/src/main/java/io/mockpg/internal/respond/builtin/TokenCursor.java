package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.sql.SqlToken;
import java.util.List;

/** Walks a token list from left to right. */
final class TokenCursor {
    private final List<SqlToken> tokens;
    private int pos;

    TokenCursor(List<SqlToken> tokens, int start) {
        this.tokens = tokens;
        this.pos = start;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** The current token, or null at the end. */
    SqlToken peek() {
        return peek(0);
    }

    SqlToken peek(int ahead) {
        int at = pos + ahead;
        return at < tokens.size() ? tokens.get(at) : null;
    }

    SqlToken next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    int position() {
        return pos;
    }

    /** Consumes the current token if it is this word. */
    boolean accept(String word) {
        SqlToken token = peek();
        if (token != null && token.is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes these words if they all follow in order; else consumes nothing. */
    boolean acceptAll(String... words) {
        for (int i = 0; i < words.length; i++) {
            SqlToken token = peek(i);
            if (token == null || !token.is(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        SqlToken token = peek();
        if (token != null && token.isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    /** The remaining tokens. */
    List<SqlToken> rest() {
        return tokens.subList(Math.min(pos, tokens.size()), tokens.size());
    }
}
