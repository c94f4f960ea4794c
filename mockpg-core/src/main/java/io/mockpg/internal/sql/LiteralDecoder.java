package io.mockpg.internal.sql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns string-literal tokens into their values: '' unescaped, E'' backslash escapes,
 * U&'' Unicode escapes (with UESCAPE), dollar-quoted bodies, B''/X'' bodies. Malformed
 * escapes are kept as written rather than rejected.
 */
final class LiteralDecoder {
    private LiteralDecoder() {
    }

    static String decode(String source, Token token) {
        int start = token.start();
        int end = token.end();
        return switch (token.kind()) {
            case STRING, BIT_STRING -> {
                int bodyStart = source.indexOf('\'', start) + 1;
                yield undouble(source, bodyStart, bodyEnd(token, end));
            }
            case ESCAPE_STRING -> unescape(source, start + 2, bodyEnd(token, end));
            case UNICODE_STRING -> unicode(source, token);
            case DOLLAR_STRING -> dollarBody(source, token);
            default -> source.substring(start, end);
        };
    }

    private static int bodyEnd(Token token, int end) {
        return token.terminated() ? end - 1 : end;
    }

    /** The body with each doubled quote as one quote. */
    private static String undouble(String source, int from, int to) {
        int quote = source.indexOf('\'', from);
        if (quote < 0 || quote >= to) {
            return source.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int at = from; at < to; at++) {
            char c = source.charAt(at);
            out.append(c);
            if (c == '\'' && at + 1 < to && source.charAt(at + 1) == '\'') {
                at++;
            }
        }
        return out.toString();
    }

    private static String dollarBody(String source, Token token) {
        int tagLength = source.indexOf('$', token.start() + 1) + 1 - token.start();
        int bodyStart = Math.min(token.start() + tagLength, token.end());
        int bodyEnd = token.terminated() ? token.end() - tagLength : token.end();
        return source.substring(bodyStart, Math.max(bodyStart, bodyEnd));
    }

    /** E'…' escapes; octal and hex escapes are bytes, decoded as UTF-8 in runs. */
    private static String unescape(String source, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int at = from;
        while (at < to) {
            char c = source.charAt(at);
            if (c == '\'' && at + 1 < to && source.charAt(at + 1) == '\'') {
                flush(bytes, out);
                out.append('\'');
                at += 2;
            } else if (c != '\\' || at + 1 >= to) {
                flush(bytes, out);
                out.append(c);
                at++;
            } else {
                at = escape(source, at + 1, to, out, bytes);
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    /** Decodes the escape whose letter is at {@code at}; returns the index after it. */
    private static int escape(String source, int at, int to, StringBuilder out, ByteArrayOutputStream bytes) {
        char c = source.charAt(at);
        if (c >= '0' && c <= '7') {
            int end = digitsEnd(source, at, Math.min(to, at + 3), 8);
            bytes.write(Integer.parseInt(source, at, end, 8) & 0xFF);
            return end;
        }
        if (c == 'x' && digitsEnd(source, at + 1, Math.min(to, at + 3), 16) > at + 1) {
            int end = digitsEnd(source, at + 1, Math.min(to, at + 3), 16);
            bytes.write(Integer.parseInt(source, at + 1, end, 16));
            return end;
        }
        flush(bytes, out);
        int width = c == 'u' ? 4 : c == 'U' ? 8 : 0;
        if (width > 0 && digitsEnd(source, at + 1, Math.min(to, at + 1 + width), 16) == at + 1 + width) {
            appendCodePoint(out, Long.parseLong(source, at + 1, at + 1 + width, 16), source, at - 1, at + 1 + width);
            return at + 1 + width;
        }
        switch (c) {
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            default -> out.append(c);
        }
        return at + 1;
    }

    /** U&'…' [UESCAPE 'c']: c followed by 4 hex digits, c+ by 6, cc is c itself. */
    private static String unicode(String source, Token token) {
        int bodyStart = token.start() + 3;
        int bodyEnd = closingQuote(source, bodyStart, token.end());
        char escape = '\\';
        if (token.terminated() && bodyEnd + 1 < token.end()) {
            escape = source.charAt(token.end() - 2);
        }
        String body = undouble(source, bodyStart, bodyEnd);
        StringBuilder out = new StringBuilder(body.length());
        int at = 0;
        while (at < body.length()) {
            char c = body.charAt(at);
            if (c != escape || at + 1 >= body.length()) {
                out.append(c);
                at++;
            } else if (body.charAt(at + 1) == escape) {
                out.append(escape);
                at += 2;
            } else {
                boolean six = body.charAt(at + 1) == '+';
                int digitsStart = at + (six ? 2 : 1);
                int digitsEnd = digitsStart + (six ? 6 : 4);
                if (digitsEnd <= body.length() && digitsEnd(body, digitsStart, digitsEnd, 16) == digitsEnd) {
                    appendCodePoint(out, Long.parseLong(body, digitsStart, digitsEnd, 16), body, at, digitsEnd);
                    at = digitsEnd;
                } else {
                    out.append(c);
                    at++;
                }
            }
        }
        return out.toString();
    }

    private static int closingQuote(String source, int from, int to) {
        int at = from;
        while (at < to) {
            if (source.charAt(at) == '\'') {
                if (at + 1 < to && source.charAt(at + 1) == '\'') {
                    at += 2;
                    continue;
                }
                return at;
            }
            at++;
        }
        return to;
    }

    private static void appendCodePoint(StringBuilder out, long codePoint, String source, int from, int to) {
        if (codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT) {
            out.appendCodePoint((int) codePoint);
        } else {
            out.append(source, from, to);
        }
    }

    private static int digitsEnd(String text, int from, int limit, int radix) {
        int at = from;
        while (at < limit && Character.digit(text.charAt(at), radix) >= 0) {
            at++;
        }
        return at;
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}
