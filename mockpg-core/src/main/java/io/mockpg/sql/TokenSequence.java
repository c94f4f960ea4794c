package io.mockpg.sql;

import java.util.List;

/**
 * Lexed SQL: the source text, its tokens, and the first lexical problem (null if none).
 * Offers the token-level questions the normalizer, verb finder and splitter ask, without
 * allocating a String per token.
 */
final class TokenSequence {
    private final String source;
    private final List<Token> tokens;
    private final String problem;

    TokenSequence(String source, List<Token> tokens, String problem) {
        this.source = source;
        this.tokens = tokens;
        this.problem = problem;
    }

    String source() {
        return source;
    }

    String problem() {
        return problem;
    }

    int size() {
        return tokens.size();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    TokenKind kind(int index) {
        return tokens.get(index).kind();
    }

    /** The same tokens without trailing ';'s (a statement's terminator is not part of it). */
    TokenSequence withoutTrailingSemicolons() {
        int count = tokens.size();
        while (count > 0 && isPunct(count - 1, ';')) {
            count--;
        }
        return count == tokens.size() ? this : new TokenSequence(source, tokens.subList(0, count), problem);
    }

    /** Whether the token is the one-character punctuation or operator {@code c}. */
    boolean isPunct(int index, char c) {
        Token token = tokens.get(index);
        return token.length() == 1 && source.charAt(token.start()) == c
                && (token.kind() == TokenKind.PUNCTUATION || token.kind() == TokenKind.OPERATOR);
    }

    /** Whether the token is the cast operator {@code ::}. */
    boolean isCast(int index) {
        Token token = tokens.get(index);
        return token.kind() == TokenKind.PUNCTUATION && token.length() == 2 && source.charAt(token.start()) == ':'
                && source.charAt(token.start() + 1) == ':';
    }

    /** Whether the token is the unquoted word {@code lowerCaseWord} (any case). */
    boolean isWord(int index, String lowerCaseWord) {
        Token token = tokens.get(index);
        return token.kind() == TokenKind.IDENTIFIER && token.length() == lowerCaseWord.length()
                && source.regionMatches(true, token.start(), lowerCaseWord, 0, lowerCaseWord.length());
    }

    /** The token exactly as written. */
    String text(int index) {
        Token token = tokens.get(index);
        return source.substring(token.start(), token.end());
    }

    /** The token in normalized form: identifiers ASCII-lower-cased (as PostgreSQL folds them), != as <>. */
    String normalized(int index) {
        StringBuilder out = new StringBuilder(tokens.get(index).length());
        appendNormalized(index, out);
        return out.toString();
    }

    void appendNormalized(int index, StringBuilder out) {
        Token token = tokens.get(index);
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
        Token token = tokens.get(index);
        long number = 0;
        for (int at = token.start() + 1; at < token.end() && number <= Integer.MAX_VALUE; at++) {
            number = number * 10 + (source.charAt(at) - '0');
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /** The highest $n in the tokens, 0 if none. */
    int maxParameter() {
        int max = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == TokenKind.PARAMETER) {
                max = Math.max(max, parameterNumber(i));
            }
        }
        return max;
    }
}
