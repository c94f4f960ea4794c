package io.mockpg.internal.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of one-dimensional arrays: "{1,2,NULL}", elements double-quoted when they are
 * empty, spell NULL, or hold a quote, backslash, brace, comma or whitespace.
 */
final class ArrayText {
    private ArrayText() {
    }

    static String format(List<?> values, PgType element) {
        StringBuilder out = new StringBuilder(2 + values.size() * 8);
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                out.append("NULL");
            } else {
                appendElement(out, element.toText(value));
            }
        }
        return out.append('}').toString();
    }

    private static void appendElement(StringBuilder out, String text) {
        if (!needsQuotes(text)) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || isSpace(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses "{...}" into element texts (null for an unquoted NULL).
     *
     * @throws IllegalArgumentException with a short reason when malformed
     */
    static List<String> parse(String text) {
        String s = text.trim();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw new IllegalArgumentException("array value must start with \"{\" and end with \"}\"");
        }
        List<String> elements = new ArrayList<>();
        int end = s.length() - 1;
        int pos = skipSpaces(s, 1, end);
        if (pos == end) {
            return elements;
        }
        while (true) {
            pos = skipSpaces(s, pos, end);
            StringBuilder element = new StringBuilder();
            boolean quotedOrEscaped = false;
            // unquoted trailing whitespace is not part of the element
            int significant = 0;
            while (pos < end) {
                char c = s.charAt(pos);
                if (c == ',') {
                    break;
                }
                if (c == '{' || c == '}') {
                    throw new IllegalArgumentException("multidimensional arrays are not supported");
                }
                if (c == '"') {
                    pos = quoted(s, pos + 1, end, element);
                    quotedOrEscaped = true;
                    significant = element.length();
                    continue;
                }
                if (c == '\\') {
                    if (pos + 1 >= end) {
                        throw new IllegalArgumentException("unexpected end of array after a backslash");
                    }
                    c = s.charAt(++pos);
                    quotedOrEscaped = true;
                    element.append(c);
                    significant = element.length();
                } else {
                    element.append(c);
                    if (!isSpace(c)) {
                        significant = element.length();
                    }
                }
                pos++;
            }
            String value = element.substring(0, significant);
            elements.add(!quotedOrEscaped && value.equalsIgnoreCase("NULL") ? null : value);
            if (pos >= end) {
                return elements;
            }
            pos++; // the comma
            if (skipSpaces(s, pos, end) == end) {
                throw new IllegalArgumentException("unexpected \"}\" after \",\"");
            }
        }
    }

    /** Reads a quoted run after its opening quote; returns the position after the closing quote. */
    private static int quoted(String s, int pos, int end, StringBuilder element) {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '"') {
                return pos + 1;
            }
            if (c == '\\' && pos + 1 < end) {
                pos++;
                c = s.charAt(pos);
            }
            element.append(c);
            pos++;
        }
        throw new IllegalArgumentException("unterminated quoted array element");
    }

    private static int skipSpaces(String s, int pos, int end) {
        while (pos < end && isSpace(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
