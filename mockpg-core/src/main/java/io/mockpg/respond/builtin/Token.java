package io.mockpg.respond.builtin;

/**
 * One lexical token of a statement, as the built-in answers see it.
 *
 * @param kind  what the token is
 * @param text  WORD: lower-cased; QUOTED_IDENT and STRING: the unquoted, unescaped value;
 *              PARAM: the number after '$'; others: as written
 */
record Token(Kind kind, String text) {
    enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, PARAM, SYMBOL }

    /** An unquoted word equal to {@code word} (given in lower case). */
    boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** An identifier: unquoted words are folded to lower case as PostgreSQL does. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    int paramNumber() {
        return Integer.parseInt(text);
    }
}
