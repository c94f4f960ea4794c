package io.mockpg.internal.sql;

/**
 * Lexed SQL: the source text, its tokens, and the first lexical problem (null if none).
 * Offers the token-level questions the normalizer, verb finder and splitter ask, without
 * allocating a String per token.
 */
final class TokenSequence {
    private final String source;
    private final Token[] tokens;
    private final int size;
    private final String problem;

    /** Takes ownership of {@code tokens}; only the first {@code size} are used. */
    TokenSequence(String source, Token[] tokens, int size, String problem) {
        this.source = source;
        this.tokens = tokens;
        this.size = size;
        this.problem = problem;
    }

    String source() {
        return source;
    }

    String problem() {
        return problem;
    }

    int size() {
        return size;
    }

    Token get(int index) {
        return tokens[index];
    }

    TokenKind kind(int index) {
        return tokens[index].kind();
    }

    /** The same tokens without trailing ';'s (a statement's terminator is not part of it). */
    TokenSequence withoutTrailingSemicolons() {
        int count = size;
        while (count > 0 && isPunct(count - 1, ';')) {
            count--;
        }
        return count == size ? this : new TokenSequence(source, tokens, count, problem);
    }

    /** Whether the token is the one-character punctuation or operator {@code c}. */
    boolean isPunct(int index, char c) {
        Token token = tokens[index];
        return token.length() == 1 && source.charAt(token.start()) == c
                && (token.kind() == TokenKind.PUNCTUATION || token.kind() == TokenKind.OPERATOR);
    }

    /** Whether the token is the cast operator {@code ::}. */
    boolean isCast(int index) {
        Token token = tokens[index];
        return token.kind() == TokenKind.PUNCTUATION && token.length() == 2 && source.charAt(token.start()) == ':'
                && source.charAt(token.start() + 1) == ':';
    }

    /** Whether the token is the unquoted word {@code lowerCaseWord} (any case). */
    boolean isWord(int index, String lowerCaseWord) {
        Token token = tokens[index];
        return token.kind() == TokenKind.IDENTIFIER && token.length() == lowerCaseWord.length()
                && source.regionMatches(true, token.start(), lowerCaseWord, 0, lowerCaseWord.length());
    }

    /** The token exactly as written. */
    String text(int index) {
        Token token = tokens[index];
        return source.substring(token.start(), token.end());
    }

    /** The token in normalized form: identifiers ASCII-lower-cased (as PostgreSQL folds them), != as <>. */
    String normalized(int index) {
        StringBuilder out = new StringBuilder(tokens[index].length());
        appendNormalized(index, out);
        return out.toString();
    }

    /** Writes the normalized token into {@code out} at {@code at}; returns the index after it. */
    int copyNormalized(int index, char[] out, int at) {
        Token token = tokens[index];
        int start = token.start();
        int end = token.end();
        if (token.kind() == TokenKind.IDENTIFIER) {
            source.getChars(start, end, out, at);
            int to = at + end - start;
            for (int i = at; i < to; i++) {
                char c = out[i];
                if (c >= 'A' && c <= 'Z') {
                    out[i] = (char) (c + ('a' - 'A'));
                }
            }
            return to;
        }
        if (token.kind() == TokenKind.OPERATOR && token.length() == 2 && source.charAt(start) == '!'
                && source.charAt(start + 1) == '=') {
            out[at] = '<';
            out[at + 1] = '>';
            return at + 2;
        }
        source.getChars(start, end, out, at);
        return at + end - start;
    }

    void appendNormalized(int index, StringBuilder out) {
        Token token = tokens[index];
        int start = token.start();
        int end = token.end();
        if (token.kind() == TokenKind.IDENTIFIER) {
            for (int at = start; at < end; at++) {
                char c = source.charAt(at);
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        } else if (token.kind() == TokenKind.OPERATOR && token.length() == 2 && source.charAt(start) == '!'
                && source.charAt(start + 1) == '=') {
            out.append("<>");
        } else {
            out.append(source, start, end);
        }
    }

    /** The number n of a $n token; saturates at Integer.MAX_VALUE. */
    int parameterNumber(int index) {
        Token token = tokens[index];
        long number = 0;
        for (int at = token.start() + 1; at < token.end() && number <= Integer.MAX_VALUE; at++) {
            number = number * 10 + (source.charAt(at) - '0');
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /** The highest $n in the tokens, 0 if none. */
    int maxParameter() {
        int max = 0;
        for (int i = 0; i < size; i++) {
            if (tokens[i].kind() == TokenKind.PARAMETER) {
                max = Math.max(max, parameterNumber(i));
            }
        }
        return max;
    }
}
