package io.mockpg.sql;

/**
 * A token of a statement as code outside the matcher reads it (built-in answers).
 *
 * @param kind what the token is
 * @param text WORD: lower-cased; QUOTED_IDENT and STRING: the unquoted, unescaped value;
 *             PARAM: the number after '$'; NUMBER: as written; SYMBOL: normalized (!= as &lt;&gt;)
 */
public record SqlToken(Kind kind, String text) {
    public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, PARAM, SYMBOL }

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
