package io.mockpg.internal.sql;

/**
 * A token of a statement as code outside the matcher reads it (built-in answers).
 *
 * @param kind what the token is
 * @param text WORD: lower-cased; QUOTED_IDENT and STRING: the unquoted, unescaped value;
 *             PARAM: the number after '$'; NUMBER: as written; SYMBOL: normalized (!= as &lt;&gt;)
 */
public record SqlToken(Kind kind, String text) {
    public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, PARAM, SYMBOL }

    /** An unquoted word equal to {@code word} (given in lower case). */
    public boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** An identifier: unquoted words are folded to lower case as PostgreSQL does. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    public int paramNumber() {
        return Integer.parseInt(text);
    }

    static SqlToken of(TokenSequence tokens, int index) {
        Token token = tokens.get(index);
        return switch (token.kind()) {
            case IDENTIFIER -> new SqlToken(Kind.WORD, tokens.normalized(index));
            case QUOTED_IDENTIFIER -> new SqlToken(Kind.QUOTED_IDENT, unquoteIdentifier(tokens.text(index)));
            case STRING, ESCAPE_STRING, UNICODE_STRING, BIT_STRING, DOLLAR_STRING ->
                    new SqlToken(Kind.STRING, LiteralDecoder.decode(tokens.source(), token));
            case NUMBER -> new SqlToken(Kind.NUMBER, tokens.text(index));
            case PARAMETER -> new SqlToken(Kind.PARAM, tokens.text(index).substring(1));
            case OPERATOR, PUNCTUATION -> new SqlToken(Kind.SYMBOL, tokens.normalized(index));
        };
    }

    private static String unquoteIdentifier(String quoted) {
        int open = quoted.indexOf('"');
        int close = quoted.lastIndexOf('"');
        return close > open ? quoted.substring(open + 1, close).replace("\"\"", "\"") : quoted.substring(open + 1);
    }
}
