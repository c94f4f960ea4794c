package io.mockpg.respond.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * A small SQL lexer for the statements the server answers by itself. It reads the
 * normalized statement text and tolerates any spacing, so it does not depend on how the
 * normalizer joins tokens. Comments are skipped in case they survive normalization.
 */
final class Lexer {
    private final String sql;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String sql) {
        this.sql = sql;
    }

    static List<Token> lex(String sql) {
        Lexer lexer = new Lexer(sql);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c) || c == ';') {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, quoted('\'', false)));
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                pos++;
                tokens.add(new Token(Token.Kind.STRING, quoted('\'', true)));
            } else if (c == '"') {
                tokens.add(new Token(Token.Kind.QUOTED_IDENT, quoted('"', false)));
            } else if (c == '$' && Character.isDigit(peek(1))) {
                int start = ++pos;
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Token.Kind.PARAM, sql.substring(start, pos)));
            } else if (c == '$') {
                tokens.add(new Token(Token.Kind.STRING, dollarQuoted()));
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(start, pos).toLowerCase(java.util.Locale.ROOT)));
            } else {
                symbol(c);
            }
        }
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < sql.length() ? sql.charAt(at) : '\0';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    /** Reads a quoted run starting at the opening quote; a doubled quote is one quote. */
    private String quoted(char quote, boolean backslashEscapes) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (backslashEscapes && c == '\\' && pos < sql.length()) {
                value.append(unescape(sql.charAt(pos++)));
            } else if (c == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                } else {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> c;
        };
    }

    private String dollarQuoted() {
        int tagEnd = sql.indexOf('$', pos + 1);
        if (tagEnd < 0) {
            pos = sql.length();
            return "";
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int bodyStart = tagEnd + 1;
        int close = sql.indexOf(tag, bodyStart);
        if (close < 0) {
            pos = sql.length();
            return sql.substring(bodyStart);
        }
        pos = close + tag.length();
        return sql.substring(bodyStart, close);
    }

    private void number() {
        int start = pos;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E');
            if (Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        tokens.add(new Token(Token.Kind.NUMBER, sql.substring(start, pos)));
    }

    private void symbol(char c) {
        if (c == ':' && peek(1) == ':') {
            tokens.add(new Token(Token.Kind.SYMBOL, "::"));
            pos += 2;
            return;
        }
        String two = pos + 1 < sql.length() ? sql.substring(pos, pos + 2) : "";
        if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("||")) {
            tokens.add(new Token(Token.Kind.SYMBOL, two));
            pos += 2;
            return;
        }
        tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c)));
        pos++;
    }
}
