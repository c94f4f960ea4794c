package io.mockpg.respond.builtin;

import java.util.List;

/** Walks a token list from left to right. */
final class TokenCursor {
    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens, int start) {
        this.tokens = tokens;
        this.pos = start;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** The current token, or null at the end. */
    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int at = pos + ahead;
        return at < tokens.size() ? tokens.get(at) : null;
    }

    Token next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    int position() {
        return pos;
    }

    /** Consumes the current token if it is this word. */
    boolean accept(String word) {
        Token token = peek();
        if (token != null && token.is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes these words if they all follow in order; else consumes nothing. */
    boolean acceptAll(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token token = peek(i);
            if (token == null || !token.is(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        Token token = peek();
        if (token != null && token.isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    /** The remaining tokens. */
    List<Token> rest() {
        return tokens.subList(Math.min(pos, tokens.size()), tokens.size());
    }
}
