package io.mockpg.internal.sql;

import java.util.Arrays;

/**
 * A single-pass lexer for PostgreSQL's lexical rules (standard_conforming_strings on).
 * Whitespace and comments are dropped. It never throws: an unterminated quote or comment
 * runs to the end of the input and the first such problem is recorded, so a rule compiler
 * can refuse it while incoming statements are still tokenized.
 */
final class SqlLexer {
    private final String src;
    private final int len;
    private Token[] tokens;
    private int count;
    private int pos;
    private String problem;

    private SqlLexer(String src) {
        this.src = src;
        this.len = src.length();
        this.tokens = new Token[Math.max(8, len / 3)];
    }

    /** Tokenizes the whole text. */
    static TokenSequence lex(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return new TokenSequence(sql, lexer.tokens, lexer.count, lexer.problem);
    }

    private void run() {
        while (pos < len) {
            char c = src.charAt(pos);
            if (c <= ' ') {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                quoted(TokenKind.STRING, pos, pos + 1, '\'');
            } else if (c == '"') {
                quoted(TokenKind.QUOTED_IDENTIFIER, pos, pos + 1, '"');
            } else if (c == '$') {
                dollar();
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
            } else if (isIdentStart(c)) {
                identifierOrPrefixedString(c);
            } else if (c == ':') {
                int width = peek(1) == ':' || peek(1) == '=' ? 2 : 1;
                add(TokenKind.PUNCTUATION, pos, pos + width, true);
            } else if (isOperatorChar(c)) {
                operator();
            } else {
                add(TokenKind.PUNCTUATION, pos, pos + 1, true);
            }
        }
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < len ? src.charAt(at) : '\0';
    }

    private void add(TokenKind kind, int start, int end, boolean terminated) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        tokens[count++] = new Token(kind, start, end, terminated);
        pos = end;
    }

    private void report(String what, int start) {
        if (problem == null) {
            problem = what + " starting at position " + (start + 1);
        }
    }

    private void skipLineComment() {
        int at = pos + 2;
        while (at < len && src.charAt(at) != '\n' && src.charAt(at) != '\r') {
            at++;
        }
        pos = at;
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        int at = pos;
        while (at < len) {
            char c = src.charAt(at);
            char next = at + 1 < len ? src.charAt(at + 1) : '\0';
            if (c == '/' && next == '*') {
                depth++;
                at += 2;
            } else if (c == '*' && next == '/') {
                depth--;
                at += 2;
                if (depth == 0) {
                    pos = at;
                    return;
                }
            } else {
                at++;
            }
        }
        report("unterminated /* comment", start);
        pos = len;
    }

    /** A '…' or "…" token whose body starts at {@code bodyStart}; a doubled quote escapes it. */
    private void quoted(TokenKind kind, int start, int bodyStart, char quote) {
        int at = bodyStart;
        while (at < len) {
            if (src.charAt(at) == quote) {
                if (at + 1 < len && src.charAt(at + 1) == quote) {
                    at += 2;
                } else {
                    add(kind, start, at + 1, true);
                    return;
                }
            } else {
                at++;
            }
        }
        report(kind == TokenKind.QUOTED_IDENTIFIER ? "unterminated quoted identifier" : "unterminated quoted string",
                start);
        add(kind, start, len, false);
    }

    /** E'…': a backslash escapes the next character, and '' is a quote too. */
    private void escapeString(int start) {
        int at = start + 2;
        while (at < len) {
            char c = src.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == '\'') {
                if (at + 1 < len && src.charAt(at + 1) == '\'') {
                    at += 2;
                } else {
                    add(TokenKind.ESCAPE_STRING, start, at + 1, true);
                    return;
                }
            } else {
                at++;
            }
        }
        report("unterminated quoted string", start);
        add(TokenKind.ESCAPE_STRING, start, len, false);
    }

    /** U&'…', taking a following UESCAPE 'c' clause into the same token. */
    private void unicodeString(int start) {
        quoted(TokenKind.UNICODE_STRING, start, start + 3, '\'');
        Token string = tokens[count - 1];
        if (!string.terminated()) {
            return;
        }
        int at = skipWhitespace(string.end());
        if (at + 7 <= len && src.regionMatches(true, at, "uescape", 0, 7)
                && (at + 7 == len || !isIdentChar(src.charAt(at + 7)))) {
            int quote = skipWhitespace(at + 7);
            if (quote + 2 < len && src.charAt(quote) == '\'' && src.charAt(quote + 2) == '\'') {
                tokens[count - 1] = new Token(TokenKind.UNICODE_STRING, start, quote + 3, true);
                pos = quote + 3;
            }
        }
    }

    private int skipWhitespace(int from) {
        int at = from;
        while (at < len && src.charAt(at) <= ' ') {
            at++;
        }
        return at;
    }

    /** $n, $$…$$, $tag$…$tag$, or a stray '$'. */
    private void dollar() {
        int start = pos;
        if (isDigit(peek(1))) {
            int at = pos + 1;
            while (at < len && isDigit(src.charAt(at))) {
                at++;
            }
            add(TokenKind.PARAMETER, start, at, true);
            return;
        }
        int at = pos + 1;
        if (at < len && isIdentStart(src.charAt(at))) {
            while (at < len && isIdentChar(src.charAt(at)) && src.charAt(at) != '$') {
                at++;
            }
        }
        if (at >= len || src.charAt(at) != '$') {
            add(TokenKind.PUNCTUATION, start, start + 1, true);
            return;
        }
        String tag = src.substring(start, at + 1);
        int close = src.indexOf(tag, at + 1);
        if (close < 0) {
            report("unterminated dollar-quoted string", start);
            add(TokenKind.DOLLAR_STRING, start, len, false);
        } else {
            add(TokenKind.DOLLAR_STRING, start, close + tag.length(), true);
        }
    }

    /** 42, 3.5, .5, 1e10, 1e-3, 1_000, 0x1F, 0o17, 0b101. */
    private void number() {
        int start = pos;
        int at = pos;
        char radix = Character.toLowerCase(peek(1));
        if (src.charAt(pos) == '0' && (radix == 'x' || radix == 'o' || radix == 'b') && pos + 2 < len
                && Character.digit(src.charAt(pos + 2), radix == 'x' ? 16 : radix == 'o' ? 8 : 2) >= 0) {
            at = pos + 2;
            while (at < len && (Character.digit(src.charAt(at), 16) >= 0 || src.charAt(at) == '_')) {
                at++;
            }
            add(TokenKind.NUMBER, start, at, true);
            return;
        }
        at = digits(at);
        if (at < len && src.charAt(at) == '.' && !(at + 1 < len && src.charAt(at + 1) == '.')) {
            at = digits(at + 1);
        }
        if (at < len && (src.charAt(at) == 'e' || src.charAt(at) == 'E')) {
            int exponent = at + 1;
            if (exponent < len && (src.charAt(exponent) == '+' || src.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < len && isDigit(src.charAt(exponent))) {
                at = digits(exponent);
            }
        }
        add(TokenKind.NUMBER, start, at, true);
    }

    /** Digits with single underscores between them (PostgreSQL 16). */
    private int digits(int from) {
        int at = from;
        while (at < len) {
            char c = src.charAt(at);
            if (isDigit(c) || (c == '_' && at + 1 < len && isDigit(src.charAt(at + 1)) && at > from)) {
                at++;
            } else {
                break;
            }
        }
        return at;
    }

    private void identifierOrPrefixedString(char c) {
        char next = peek(1);
        int start = pos;
        if (next == '\'') {
            switch (c) {
                case 'e', 'E' -> {
                    escapeString(start);
                    return;
                }
                case 'b', 'B', 'x', 'X' -> {
                    quoted(TokenKind.BIT_STRING, start, start + 2, '\'');
                    return;
                }
                case 'n', 'N' -> {
                    quoted(TokenKind.STRING, start, start + 2, '\'');
                    return;
                }
                default -> {
                    // an identifier followed by a string, e.g. date'2024-01-01'
                }
            }
        }
        if ((c == 'u' || c == 'U') && next == '&') {
            char quote = peek(2);
            if (quote == '\'') {
                unicodeString(start);
                return;
            }
            if (quote == '"') {
                quoted(TokenKind.QUOTED_IDENTIFIER, start, start + 3, '"');
                return;
            }
        }
        int at = pos + 1;
        while (at < len && isIdentChar(src.charAt(at))) {
            at++;
        }
        add(TokenKind.IDENTIFIER, start, at, true);
    }

    /**
     * PostgreSQL's operator rule: the longest run of operator characters, cut before any
     * comment start, and a trailing + or - is dropped unless the operator contains one of
     * ~ ! @ # % ^ & | ` ? (so "=-1" is "=" followed by "-1"). "!=" is kept and normalized later.
     */
    private void operator() {
        int start = pos;
        int at = pos;
        while (at < len && isOperatorChar(src.charAt(at))) {
            if (at > start && ((src.charAt(at - 1) == '-' && src.charAt(at) == '-')
                    || (src.charAt(at - 1) == '/' && src.charAt(at) == '*'))) {
                at--;
                break;
            }
            at++;
        }
        int end = at;
        if (end - start > 1 && isPlusMinus(src.charAt(end - 1)) && !hasNonArithmeticChar(start, end - 1)) {
            do {
                end--;
            } while (end - start > 1 && isPlusMinus(src.charAt(end - 1)));
        }
        add(TokenKind.OPERATOR, start, end, true);
    }

    private boolean hasNonArithmeticChar(int from, int to) {
        for (int at = from; at < to; at++) {
            if ("~!@#^&|`?%".indexOf(src.charAt(at)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlusMinus(char c) {
        return c == '+' || c == '-';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentChar(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isOperatorChar(char c) {
        return switch (c) {
            case '~', '!', '@', '#', '^', '&', '|', '`', '?', '+', '-', '*', '/', '%', '<', '>', '=' -> true;
            default -> false;
        };
    }
}
